// Step 4: Larkey's light10 stemmer, the rules of Lucene's ArabicStemmer, applied to
// normalised words (so ة has already become ه). One more rule on top: a single
// proclitic (و ف ب ل ك) before ال/لل/بال/كال is stripped first, because light10 leaves
// «وللمطورين» or «فبالتالي» half-stemmed.

const PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];
const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
const PROCLITIC_BEFORE_ARTICLE = /^[وفبلك](?=ال|لل|بال|كال)/;

function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    // و needs 3 letters left; the others need 2.
    const minLength = prefix.length === 1 ? 4 : prefix.length + 2;
    if (word.length >= minLength && word.startsWith(prefix)) return word.slice(prefix.length);
  }
  return word;
}

function stripSuffixes(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length >= suffix.length + 2 && word.endsWith(suffix)) word = word.slice(0, -suffix.length);
  }
  return word;
}

function isArabic(word: string): boolean {
  return /^[\u0600-\u06FF]+$/.test(word);
}

export function stem(word: string): string {
  if (!isArabic(word)) return word;
  if (word.length >= 5) word = word.replace(PROCLITIC_BEFORE_ARTICLE, "");
  return stripSuffixes(stripPrefix(word));
}
