// Step 4: Larkey's light10 stemmer, the rules of Lucene's ArabicStemmer, applied to
// normalised words (so ة has already become ه). One more rule on top: a single
// proclitic (و ف ب ل ك) before ال/لل/بال/كال is stripped first, because light10 leaves
// «وللمطورين» or «فبالتالي» half-stemmed. And the alef of accusative tanween is dropped
// from longer words (صغيرًا → صغير), which light10 leaves on.

const PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];
const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
const PROCLITIC_BEFORE_ARTICLE = /^[وفبلك](?=ال|لل|بال|كال)/;

function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    // و needs 4 letters left, the others 2: in «وصل», «وجدت», «والد» and «وحدة» the و is the
    // word's own first letter (expand.ts indexes «وعمل» under «عمل» too).
    const minLength = prefix.length === 1 ? 5 : prefix.length + 2;
    if (word.length >= minLength && word.startsWith(prefix)) return word.slice(prefix.length);
  }
  return word;
}

const PRONOUNS = new Set(["ها", "ه", "ي"]);
// A plural, dual or nisba ending leaves three letters at least: «سكان», «عمان» and «بنات» are
// words of their own, not «سك», «عم» and «بن» (light10 strips them all).
const NOUN_ENDINGS = new Set(["ان", "ات", "ون", "ين", "يه"]);

// «ون» leaves four: a plural in ون is nearly always of a participle or a nisba (مدربون،
// عربيون), while a five-letter word ending in it most often has ن for its last radical:
// «تعاون», «قانون», «مليون», «زيتون» (light10 made them «تعا», «قان», «ملي»). Duals and plurals
// in «ان», «ين» of three-letter nouns (رجلان، يومين) are common enough to keep at three.
const leftAfter = (suffix: string) => (suffix === "ون" ? 4 : NOUN_ENDINGS.has(suffix) ? 3 : 2);

function stripSuffixes(word: string): string {
  let pronoun = false;
  for (const suffix of SUFFIXES) {
    if (word.length >= suffix.length + leftAfter(suffix) && word.endsWith(suffix)) {
      word = word.slice(0, -suffix.length);
      pronoun ||= PRONOUNS.has(suffix);
    }
  }
  // Before a pronoun ة is written ت («موهبته», «سياراته»): without it the word meets its
  // bare form (موهبة → موهب, سيارات → سيار). Three letters are a word of their own (بيته).
  if (pronoun && word.length >= 5 && word.endsWith("ات")) return word.slice(0, -2);
  if (pronoun && word.length >= 4 && word.endsWith("ت")) return word.slice(0, -1);
  return word;
}

function isArabic(word: string): boolean {
  return /^[\u0600-\u06FF]+$/.test(word);
}

const FUTURE_VERB = /^س[يت]/;

export function stem(word: string): string {
  // «و2005», «ب100»: a proclitic before a number, which is the term.
  if (/^[وفبلك]\d/.test(word)) return word.slice(1);
  if (!isArabic(word)) return word;
  if (word.length >= 5) word = word.replace(PROCLITIC_BEFORE_ARTICLE, "");
  word = stripPrefix(word);
  // The alef of accusative tanween (مشغلًا → مشغلا once harakat are gone) hides the noun.
  // Not on a future verb, whose final alef is its hamza's: «ستبدأ», «سيقرأ».
  if (word.length >= 5 && word.endsWith("ا") && !(word.length === 5 && FUTURE_VERB.test(word))) word = word.slice(0, -1);
  return stripSuffixes(word);
}

const VERB_PREFIX = /^س?[يتنا]/;
const ROOT_SUFFIXES = ["هما", "هم", "كم", "نا", "تم", "وا", "ت", "ه", "ي", "ا", "ن", "و"];

/**
 * A coarser key than `stem`, for words the light stem could not match: it also strips
 * the future and present-tense prefixes (س ي ت ن ا), pronoun suffixes and the long vowel
 * before the last radical, so that «ستمنعه» and «منعت» meet at «منع», «إجبارها» and
 * «أجبروها» at «جبر». Too coarse to stand alone: the index holds it beside the stem, at a
 * lower weight.
 */
export function rootKey(stemmed: string): string {
  if (!isArabic(stemmed)) return stemmed;
  let word = stemmed;
  // Broken plurals فعائل (خسائر، رسائل، ضرائب، نتائج) meet their singulars فعالة/فعيلة (خسارة،
  // رسالة، ضريبة، نتيجة) and their verbs (خسر) once «ائ» goes: the long-vowel rule below takes
  // one letter. Before the prefixes: the ن of «نتائج» is the root's.
  if (word.length === 5 && word[2] === "ا" && word[3] === "ي") word = word.slice(0, 2) + word[4];
  if (word.length >= 5 && VERB_PREFIX.test(word)) {
    word = word.replace(VERB_PREFIX, "");
    // The ت of a تفعّل/تفاعل verb after its present prefix («يتوقف», «تتقاطع»), which its
    // verbal noun («توقف», «تقاطع») loses here too.
    if (word.length >= 4 && word.startsWith("ت")) word = word.slice(1);
  }
  // Four letters opening with alef, yeh or teh are nearly always verbs: a derived-form past
  // (اشتك from اشتكى) or a present (يشتك, يمنع, ترغب). Drop the letter so they meet
  // their nouns (رغبة) as the longer forms above do.
  else if (word.length === 4 && /^[ايت]/.test(word)) word = word.slice(1);
  // A three-letter present tense keeps its prefix (يقع، يعد: the root's first radical is gone),
  // but he and she («يقع», «تقع») are one verb.
  else if (word.length === 3 && /^[يت]/.test(word)) word = "ي" + word.slice(1);
  // Broken plurals فواعل/فواعيل (قواعد، قوانين → قوان) meet their singulars فاعلة/فاعول
  // (قاعدة، قانون) once the و goes.
  if (word.length >= 4 && word[1] === "و" && word[2] === "ا") word = word[0] + word.slice(2);
  // And مفاعل/مفاعيل (مناطق، مدارس، مشاريع) meet مفعلة/مفعول (منطقة، مدرسة، مشروع) once the ا goes.
  if (word.length >= 5 && word[0] === "م" && word[2] === "ا") word = word.slice(0, 2) + word.slice(3);
  for (let changed = true; changed && word.length > 3; ) {
    changed = false;
    for (const suffix of ROOT_SUFFIXES) {
      if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
        word = word.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  // أفاعيل/تفاعيل once their prefix is off (تقارير → قارير, أساليب → ساليب), and فعاليل (براميل،
  // صناديق): the ا and the ي go, as the singular (تقرير، أسلوب، برميل) has neither.
  if (word.length === 5 && word[1] === "ا" && word[3] === "ي") word = word[0]! + word[2]! + word[4]!;
  else if (word.length === 6 && word[2] === "ا" && word[4] === "ي") word = word.slice(0, 2) + word[3] + word[5];
  // The long vowel before the last radical marks a verbal noun or plural (اجبار، تدريب، سطور):
  // without it they meet their verbs and singulars (اجبر، تدرب، سطر).
  if (word.length >= 4 && /[اوي]/.test(word[word.length - 2]!)) word = word.slice(0, -2) + word.slice(-1);
  return word;
}
