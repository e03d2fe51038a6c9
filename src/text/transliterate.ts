// Names cross scripts: «روي ألميدا» is «Rui Almeida», «Thiago» is «تياغو». Both
// spellings reduce to one consonant skeleton, the way a reader matches them: vowels
// (and the letters that write them: ا و ي ع) dropped, letters of one sound folded
// together (ق ك خ / q k c; ج غ / j g; س ص ز ش / s z), doubled letters once.
const ARABIC: Record<string, string> = {
  ب: "b", پ: "b", ت: "t", ث: "t", ط: "t", ج: "g", چ: "g", غ: "g", گ: "g", ح: "h", ه: "h", خ: "k", ق: "k", ك: "k",
  د: "d", ذ: "d", ض: "d", ر: "r", ز: "s", س: "s", ش: "s", ص: "s", ظ: "s", ف: "f", ڤ: "f", ل: "l", م: "m", ن: "n",
};
const LATIN: Record<string, string> = {
  b: "b", p: "b", t: "t", d: "d", g: "g", j: "g", h: "h", k: "k", q: "k", c: "k", x: "ks", f: "f", v: "f",
  l: "l", m: "m", n: "n", r: "r", s: "s", z: "s",
};
// A c before e, i or y is soft (UNICEF ~ اليونيسف, Vincent ~ فنسنت).
const LATIN_DIGRAPHS: Array<[RegExp, string]> = [[/sh|ch/g, "s"], [/th/g, "t"], [/kh/g, "k"], [/gh/g, "g"], [/ph/g, "f"], [/dh/g, "d"], [/c(?=[eiy])/g, "s"]];

/** Skeletons shorter than this match too many words to mean a name. */
const MIN_KEY = 2;

function skeleton(letters: string[], table: Record<string, string>): string {
  let key = "";
  let afterVowel = false;
  for (const letter of letters) {
    const sound = table[letter] ?? "";
    // A doubled letter counts once (Mohammed ~ محمد); one repeated across a vowel twice (Laila ~ ليلى).
    if (sound && (afterVowel || !key.endsWith(sound))) key += sound;
    afterVowel = !sound && key !== "";
  }
  return key;
}

/** The skeletons of a normalised word (Arabic or Latin), with and without its article (ال / al-, el-). */
export function nameKeys(word: string, minKey = MIN_KEY): string[] {
  let forms: string[];
  if (/^[a-z]+$/.test(word)) {
    // A final -ah may write ة (Jeddah ~ جدة, Makkah ~ مكة), whose ه the Arabic side drops,
    // or a ح (Noah ~ نوح): both.
    const spellings = /..ah$/.test(word) ? [word, word.slice(0, -1)] : [word];
    forms = spellings.flatMap((spelling) => {
      const folded = LATIN_DIGRAPHS.reduce((w, [from, to]) => w.replace(from, to), spelling);
      return [skeleton([...folded], LATIN), ...(/^(?:al|el)../.test(spelling) ? [skeleton([...folded.slice(2)], LATIN)] : [])];
    });
  } else if (/^[\u0621-\u064A]+$/.test(word)) {
    // A final ه is mostly ة, which Latin spellings leave out (فاطمة / Fatima); «تش» is ch.
    const bare = word.replace(/ه$/, "").replace(/تش/g, "ش");
    // ث writes English th and Spanish z alike (سميث Smith, رويث Ruiz).
    forms = [bare, ...(bare.includes("ث") ? [bare.replace(/ث/g, "س")] : [])].flatMap((w) => [
      skeleton([...w], ARABIC),
      ...(w.startsWith("ال") && w.length > 4 ? [skeleton([...w.slice(2)], ARABIC)] : []),
    ]);
  } else return [];
  return [...new Set(forms.filter((key) => key.length >= minKey))];
}

export const isLatinWord = (word: string): boolean => /^[a-z]+$/.test(word);

/**
 * Could these be one name in two scripts, by their vowels? Arabic writes vowels of a
 * foreign name as ا و ي (Almeida → ألميدا, Meta → ميتا), so a word with none, for a name
 * of two vowels or more, is an Arabic word sharing its consonants by chance (Tesla ≁ تصل).
 * Only none: the stem has lost a final vowel (الحسيني → حسين).
 */
export function vowelsAgree(latin: string, arabic: string): boolean {
  // A final -ah is ة, which the stem has lost (Jeddah ~ جد): not a vowel the Arabic must show.
  return /[اوي]/.test(arabic) || (latin.replace(/(?<=..)ah$/, "").match(/[aeiouy]+/g)?.length ?? 0) < 2;
}

/**
 * How many of the Latin spelling's vowels the Arabic writes, in order, with the letter that
 * writes them (a ~ ا, e i y ~ ي, o u ~ و): of two words of one skeleton, the one that keeps
 * the name's vowels is the name (Ruiz ~ رويث, not رييس).
 */
export function vowelsKept(latin: string, arabic: string): number {
  // A first letter is a consonant or a hamza's seat (ي of ياسمين, ا of ألميدا), not a vowel written.
  // Letter by letter, a run of one letter's vowels once (Almeida: ا ي ا; Ruiz: و ي).
  const asked = (latin.replace(/^y/, "").match(/[aeiouy]/g) ?? [])
    .map((v) => (v === "a" ? "ا" : v === "o" || v === "u" ? "و" : "ي"))
    .filter((v, i, all) => v !== all[i - 1]);
  const written = arabic.slice(1).match(/[اوي]/g) ?? [];
  // The longest common subsequence of the two: short lists, a small table.
  const row = new Array<number>(written.length + 1).fill(0);
  for (const vowel of asked) {
    let diagonal = 0;
    for (let j = 1; j <= written.length; j++) {
      const above = row[j]!;
      row[j] = vowel === written[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[written.length]!;
}

/** How a word opens: a vowel, w, y, or its first consonant's sound. */
function onset(word: string): string {
  const first = word[0] ?? "";
  if (/[aeiouاعء]/.test(first)) return "V";
  if (first === "w" || first === "و") return "w";
  if (first === "y" || first === "ي") return "y";
  return LATIN[first] ?? ARABIC[first] ?? first;
}

/** Do the two spellings open alike (Wamda ~ ومضة, not ميدا)? Ranks names that share a skeleton. */
export const onsetsAgree = (a: string, b: string): boolean => onset(a) === onset(b);
