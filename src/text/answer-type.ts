// "How many" and "when" questions can only be answered by text holding a number or a
// time. A quote without one matches the question's topic, not its answer: the engine
// lowers its confidence. (Answer-type checking, as in classic QA pipelines.)
import { tokenize } from "./tokenize.ts";
import { normalize } from "./normalize.ts";

/**
 * A price is a number with its currency (or «free»): «بكم…؟», «كم سعر…؟». A measure is a
 * number in its unit: «كم طول…؟» wants metres, «كم عمر…؟» years, «كم مدة…؟» a span of time.
 */
export type AnswerType = "number" | "time" | "price" | Measure;
export type Measure = "length" | "weight" | "area" | "age" | "duration";
export const isMeasure = (type: AnswerType): type is Measure => type in UNIT_WORDS;

const QUESTION_WORDS: Record<string, AnswerType> = Object.fromEntries([
  // Iraqi «شكد», «اشكد» (how much).
  ...["كم", "قديش", "اديش", "كام", "عدد", "شحال", "قداش", "شكد", "اشكد"].map((w) => [normalize(w), "number" as const]),
  // «بكم» is "for how much": a price; Iraqi and Gulf «بيش» too.
  ...["بكم", "بكام", "بقديش", "بشحال", "بقداش", "بيش"].map((w) => [normalize(w), "price" as const]),
  // Iraqi «شوكت», Levantine «إمتين».
  ...["متى", "امتى", "ايمتى", "ايمتا", "امتا", "وقتيش", "امتي", "متي", "شوكت", "اشوكت", "امتين", "ايمتين"].map((w) => [normalize(w), "time" as const]),
]);

const NUMBER_WORDS = [
  "واحد", "واحدة", "اثنان", "اثنين", "اثنتان", "ثلاث", "ثلاثة", "اربع", "اربعة", "خمس", "خمسة", "ست", "ستة",
  "سبع", "سبعة", "ثمان", "ثماني", "ثمانية", "تسع", "تسعة", "عشر", "عشرة", "عشرون", "عشرين", "مئة", "مائة", "مئات",
  "الف", "الاف", "مليون", "ملايين", "مليار", "مليارات", "نصف", "ربع", "ثلث", "بالمئة", "بالمائة", "المئة", "ضعف",
  "عدة", "بضع", "عشرات",
  "ثلاثون", "ثلاثين", "اربعون", "اربعين", "خمسون", "خمسين", "ستون", "ستين", "سبعون", "سبعين", "ثمانون", "ثمانين",
  "تسعون", "تسعين", "مائتان", "مائتين", "مائتا", "مائتي", "الفان", "الفين", "مليونان", "مليونين",
  // An age or a rank in tens: «في الثالثة والستين من عمره», «القرن العشرين».
  ...["عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"].map((tens) => `ال${tens}`),
  // A dual is a count of two: «إجازة مدتها يومان», «مرتين», «ضعفين».
  ...["يوم", "شهر", "عام", "سنت", "اسبوع", "ساعت", "دقيقت", "مرت", "ضعف", "جولت", "هدف"].flatMap((unit) => [`${unit}ان`, `${unit}ين`]),
];
const TIME_WORDS = [
  "يوم", "اليوم", "امس", "غدا", "الجمعة", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "اسبوع", "الاسبوع",
  "شهر", "الشهر", "سنة", "السنة", "عام", "العام", "السنوات", "سنوات", "الاعوام", "اعوام", "قرن", "القرن", "عقد", "العقد",
  "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
  "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
  "الان", "حاليا", "قريبا", "مؤخرا", "المدى", "عندما", "حين", "موسم", "صباح", "مساء",
  // Times of day, seasons, eras and the ages of a life: «خلال طفولته», «في عهد», «صيف 2021».
  "فجرا", "ظهرا", "عصرا", "ليلا", "نهارا", "الصيف", "صيف", "الشتاء", "شتاء", "الربيع", "ربيع", "الخريف", "خريف",
  // «متى…؟» answered by a condition: «عند الإشارة إلى…», «في حالة عدم…».
  "عند", "حالة", "حال",
  "عهد", "حقبة", "فترة", "الفترة", "عصر", "العصر", "طفولة", "الطفولة", "صغر", "الصغر", "شباب", "الشباب", "مراهقة", "شيخوخة",
];
// Currencies and their codes: what a price is said in (with a number), or «free» (alone).
const CURRENCY_WORDS = [
  "ريال", "ريالات", "ريالا", "درهم", "دراهم", "درهما", "دينار", "دنانير", "دينارا", "دولار", "دولارات", "دولارا", "يورو",
  "جنيه", "جنيهات", "جنيها", "ليرة", "ليرات", "روبية", "يوان", "فرنك", "استرليني", "قرش", "فلس", "هللة", "سنت",
  "usd", "eur", "sar", "aed", "kwd", "qar", "omr", "bhd", "jod", "egp",
];
const NUMBER_SET = new Set(NUMBER_WORDS.map(normalize));
const TIME_SET = new Set(TIME_WORDS.map(normalize));
const CURRENCY_SET = new Set(CURRENCY_WORDS.map(normalize));
const RATES = new Set(["فائدة", "فايدة", "صرف", "خصم"].map(normalize));
const FREE = new Set(["مجانا", "مجاني", "مجانية", "مجانيا", "بالمجان", "ببلاش"].map(normalize));
/** Asking for a price: «كم سعر…؟», «قديش ثمن…؟», «كم يكلف…؟», «كم راتب…؟». */
const PRICE_NOUNS = new Set(["سعر", "ثمن", "تكلفة", "تكلفه", "كلفة", "يكلف", "تكلف", "رسوم", "اسعار", "راتب", "رواتب", "اجر", "اجرة"].map(normalize));

/** What a measure is asked by: «كم طول…؟», «ما وزن…؟», «قديش عمره؟», «كم سنة…؟». */
const MEASURE_NOUNS: Record<string, Measure> = Object.fromEntries(
  (
    [
      ["length", ["طول", "عرض", "ارتفاع", "عمق", "مسافة", "سرعة"]],
      ["weight", ["وزن"]],
      ["area", ["مساحة"]],
      ["age", ["عمر"]],
      ["duration", ["مدة", "زمن", "سنة", "سنوات", "سنين", "عام", "اعوام", "يوم", "ايام", "شهر", "اشهر", "شهور", "اسبوع", "اسابيع", "ساعة", "ساعات", "دقيقة", "دقائق"]],
    ] as const
  ).flatMap(([measure, words]) => words.map((w) => [normalize(w), measure as Measure])),
);

/** The measure a noun asks for, with its article or a pronoun: «الطول», «عمره», «مدتها». */
export function measureNoun(word: string): Measure | undefined {
  const bare = word.replace(/^ال/, "");
  return MEASURE_NOUNS[bare] ?? MEASURE_NOUNS[bare.replace(/(?:هما|هم|هن|ها|ه)$/, "").replace(/ت$/, "ه")];
}

/** The units each measure is said in (after a number: «27 كيلومتراً», «ثماني سنوات»). */
const UNIT_WORDS: Record<Measure, string[]> = {
  length: ["متر", "امتار", "كيلومتر", "كيلومترات", "كلم", "كم", "سنتيمتر", "سنتيمترات", "سم", "مليمتر", "ملم", "ميل", "اميال", "قدم", "اقدام", "ياردة", "بوصة", "انش", "km", "m", "cm", "mm", "mi", "ft"],
  weight: ["غرام", "غرامات", "جرام", "جرامات", "كيلوغرام", "كيلوغرامات", "كيلوجرام", "كيلوجرامات", "كغ", "كلغ", "كيلو", "طن", "اطنان", "رطل", "ارطال", "اونصة", "قيراط", "kg", "g", "t", "lb"],
  area: ["هكتار", "هكتارات", "دونم", "دونمات", "فدان", "افدنة", "مربع", "مربعة", "كم2", "م2", "km2", "m2"],
  age: ["عام", "اعوام", "سنة", "سنوات", "سنين", "ربيع"],
  duration: ["ثانية", "ثوان", "ثواني", "دقيقة", "دقائق", "ساعة", "ساعات", "يوم", "ايام", "اسبوع", "اسابيع", "شهر", "اشهر", "شهور", "سنة", "سنوات", "سنين", "عام", "اعوام", "عقد", "عقود", "قرن", "قرون"],
};
const UNITS = Object.fromEntries(Object.entries(UNIT_WORDS).map(([measure, words]) => [measure, new Set(words.map(normalize))])) as Record<Measure, Set<string>>;
/** An age said without a number before it: «في الثالثة والستين من عمره», «بعمر 30». */
const AGE_WORDS = /^(?:[وفب]?ال|[وفب])?(?:عمر|اعمار)(?:ه|ها|هم|هما|هن)?$/;

/** What a question asks for, by its question word (formal or dialect). */
export type QuestionKind = "who" | "when" | "where" | "how many" | "why" | "how" | "what" | "yes/no";

const KIND_WORDS: Record<string, QuestionKind> = Object.fromEntries(
  (
    [
      ["who", ["من", "مين", "منو", "شكون", "لمن", "لمين"]],
      ["when", ["متى", "امتى", "ايمتى", "ايمتا", "امتا", "وقتيش", "امتي", "متي", "وقتاش", "فوقاش", "شوكت", "اشوكت", "امتين", "ايمتين"]],
      ["where", ["اين", "وين", "فين", "منين", "لوين", "لفين"]],
      ["how many", ["كم", "بكم", "قديش", "اديش", "بقديش", "كام", "بكام", "شحال", "قداش", "شكد", "اشكد", "بيش"]],
      ["why", ["لماذا", "لم", "ليش", "ليه", "علاش", "علاه", "لما", "لويش"]],
      ["how", ["كيف", "شلون", "ازاي", "كيفاش", "اشلون"]],
      ["what", ["ما", "اي", "ماذا", "ماهو", "ماهي", "شو", "وش", "ايش", "اش", "شنو", "اشنو", "شنهو", "ويش", "وشو", "ايه"]],
      ["yes/no", ["هل", "واش"]],
    ] as const
  ).flatMap(([kind, words]) => words.map((w) => [normalize(w), kind as QuestionKind])),
);

/** The first question word's kind, if the question has one. */
export function questionKind(question: string): QuestionKind | undefined {
  const words = tokenize(question).map((t) => t.text);
  for (let i = 0; i < words.length; i++) {
    const kind = KIND_WORDS[words[i]!];
    // «من وين»، «من أين»، «من متى»، «من أي بلد»: «من» is "from" there, and the next word asks.
    const next = KIND_WORDS[words[i + 1] ?? ""];
    if (kind === "who" && (next === "where" || next === "when" || words[i + 1] === "اي")) return next;
    if (kind) return kind;
  }
  return undefined;
}

/**
 * Nouns that ask for an amount or a time when a question opens with them: «ما نسبة…؟»,
 * «ما سعر…؟», «في أي عام…؟». Elsewhere in a question they are its topic («ما سبب ارتفاع السعر؟»).
 */
const ASKED_NOUNS: Record<string, AnswerType> = Object.fromEntries([
  ...["سعر", "ثمن", "تكلفة", "كلفة", "رسوم", "راتب", "اجر"].map((w) => [normalize(w), "price" as const]),
  ...["نسبة", "قيمة", "مبلغ", "مساحة", "طول", "عرض", "ارتفاع", "وزن", "حجم", "عمر", "سرعة", "مسافة", "كمية", "معدل", "زمن"].map((w) => [normalize(w), "number" as const]),
  ...["تاريخ", "عام", "سنة", "يوم", "موعد", "مدة"].map((w) => [normalize(w), "time" as const]),
]);
/** What the asked-for noun follows: «ما»، «شو»، «أي»… and the pronoun («ما هي», «ماهو»). */
const OPENERS = new Set(["ما", "ماهي", "ماهو", "هو", "هي", "شو", "وش", "ايش", "شنو", "اي", "باي", "في"].map(normalize));

/** The kind of answer a question asks for, when its question word (or the noun after it) says so. */
export function expectedAnswerType(question: string): AnswerType | undefined {
  const words = tokenize(question).map((t) => t.text);
  // «سعر الفائدة», «سعر الصرف» are rates: a number, in no currency.
  const rate = (i: number) => RATES.has((words[i] ?? "").replace(/^ال/, ""));
  for (const [i, word] of words.entries()) {
    const type = QUESTION_WORDS[word];
    // «كم سعر…؟», «قديش ثمن…؟», «كم يبلغ طول…؟»: how much money, how long, how old.
    const asked = COPULAS.has(words[i + 1] ?? "") ? i + 2 : i + 1;
    if (type === "number" && PRICE_NOUNS.has((words[asked] ?? "").replace(/^ال/, ""))) return rate(asked + 1) ? "number" : "price";
    if (type === "number" && measureNoun(words[asked] ?? "")) return measureNoun(words[asked]!);
    // «بكم ميلاً…؟», «بكم نقطة…؟»: by how many of a unit, which is no currency; «بكم في المئة…؟»: a percentage.
    if (type === "price" && (countsUnit(words[i + 1]) || percent(words, i + 1))) return "number";
    if (type) return type;
  }
  // The first word after the openers: «ما هي نسبة…», «في أي سنة…».
  const at = words.findIndex((w) => !OPENERS.has(w));
  const type = at < 0 ? undefined : ASKED_NOUNS[words[at]!.replace(/^ال/, "")];
  if (type === "number") return measureNoun(words[at]!) ?? type;
  return type === "price" && rate(at + 1) ? "number" : type;
}

/** Verbs between «كم» and what it asks: «كم يبلغ طول…؟», «قديش كان عمره؟». */
const COPULAS = new Set(["يبلغ", "تبلغ", "بلغ", "بلغت", "يصل", "تصل", "كان", "كانت", "يكون", "تكون"].map(normalize));

const PERCENT = new Set(["بالمئة", "بالمائة", "المئة", "المائة", "بالمية", "%", "نسبة", "بنسبة"].map(normalize));

const YEAR_NOUNS = new Set(["عام", "العام", "لعام", "بعام", "سنة", "السنة", "لسنة", "بسنة", "منذ"].map(normalize));

/**
 * Is the number at word i a share or a year («بنسبة 17 بالمئة», «عام 2024»)? Neither counts
 * the things a «كم X؟» asks about. `words` are normalised, as the analyser gives them.
 */
export function isShareOrYear(words: string[], i: number): boolean {
  const word = words[i] ?? "";
  if (PERCENT.has(word) || percent(words, i + 1) || /%$/.test(word) || /^ب?نسب[هة]$/.test(words[i - 1] ?? "")) return true;
  return /^[وفبل]?(?:1[5-9]|20)\d\d$/.test(word) && YEAR_NOUNS.has(words[i - 1] ?? "");
}

/** «ما نسبة…؟», «كم في المئة…؟», «ما معدل…؟»: a share is the answer (the question's normalised words). */
export const asksShare = (words: string[]): boolean => words.some((w) => /نسب|مئ|مائ|%|معدل/.test(w));

/** «في المئة», «بالمئة», «%» at word i. */
function percent(words: string[], i: number): boolean {
  return PERCENT.has(words[i] ?? "") || (words[i] === "في" && PERCENT.has(words[i + 1] ?? ""));
}

/**
 * A counted noun after «بكم», indefinite in the accusative («ميلاً», «كيلومتراً»), and no
 * currency. Not «بكام رواية…؟»: a noun the price is of.
 */
function countsUnit(word: string | undefined): boolean {
  return word !== undefined && /^[\u0621-\u064A]{3,}ا$/.test(word) && !word.startsWith("ال") && !isCurrency(word);
}

/** Does the text hold something of that type: a digit, or a number or time word (with a clitic)? */
export function holdsAnswerType(text: string, type: AnswerType): boolean {
  if (isMeasure(type)) return holdsMeasure(text, type);
  if (type === "price") {
    const words = tokenize(text).map((t) => t.text);
    if (words.some((w) => FREE.has(w) || FREE.has(w.replace(/^[وفبل]/, "")))) return true;
    return holdsAnswerType(text, "number") && (/[$€£]/.test(text) || words.some(isCurrency));
  }
  const words = type === "number" ? NUMBER_SET : TIME_SET;
  // A number word with the article is a reference («الاثنان»: the two of them), not an amount.
  const proclitics = type === "number" ? /^[وفبل]/ : /^(?:[وفبل]|ال|وال|بال|لل)/;
  // A time with a pronoun: «طفولته», «عهدها», «شبابهم».
  const time = (word: string) => type === "time" && words.has(word.replace(/(?:هما|هم|هن|ها|ه)$/, "").replace(/ت$/, "ه"));
  return tokenize(text).some(({ text: word }) => /\d/.test(word) || words.has(word) || words.has(word.replace(proclitics, "")) || time(word) || time(word.replace(proclitics, "")));
}

/** A number with the measure's unit after it; an age also by «عمره», a duration by a dual («يومين»). */
function holdsMeasure(text: string, measure: Measure): boolean {
  const words = tokenize(text).map((t) => t.text);
  const units = UNITS[measure];
  // A unit with a clitic, in the accusative, or run into its number: «بطول», «كيلومتراً», «5كم».
  const isUnit = (word: string) => {
    const bare = word.replace(/^[\d.,]+/, "").replace(/^(?:[وفبل]?ال|[وفبل])/, "");
    return units.has(word) || units.has(bare) || units.has(bare.replace(/ا$/, ""));
  };
  if (measure === "age" && words.some((w) => AGE_WORDS.test(w)) && holdsAnswerType(text, "number")) return true;
  return words.some((word, i) => {
    if (measure === "duration" && NUMBER_SET.has(word.replace(/^[وفبل]/, "")) && /(?:ان|ين)$/.test(word) && isUnit(word.replace(/(?:ان|ين)$/, "").replace(/ت$/, "ه"))) return true;
    if (/^[\d.,]+[^\d.,]/.test(word) && isUnit(word)) return true;
    if (!holdsAnswerType(word, "number")) return false;
    // The unit follows the number and its other words («ثلاثة آلاف متر», «1.2 كيلومتر»); an
    // area's after its length («كيلومتراً مربعاً»). Not «41 ثانية عام 2023»: a year is no age.
    let j = i + 1;
    while (j < words.length && holdsAnswerType(words[j]!, "number") && !isUnit(words[j]!)) j++;
    return isUnit(words[j] ?? "") || (measure === "area" && isUnit(words[j + 1] ?? ""));
  });
}

/** A side of a thing, measured in metres like its length: «1.2 كيلومتر» says nothing of how deep. */
const SIDES = new Set(["عرض", "ارتفاع", "عمق"].map(normalize));

/**
 * Does the text answer the measure a noun asks for («طول», «عمره»): a number in its unit, and
 * no other noun of that measure («كم عمق…؟» is not answered by «ارتفاعها 6 أمتار»).
 */
export function answersMeasure(text: string, noun: string): boolean {
  const measure = measureNoun(noun);
  if (!measure || SIDES.has(noun.replace(/^ال/, "")) || !holdsMeasure(text, measure)) return false;
  return !tokenize(text).some(({ text: word }) => {
    const bare = word.replace(/^[وفبل](?=ال)/, "");
    return measureNoun(bare) === measure && !UNITS[measure].has(bare.replace(/^ال/, ""));
  });
}

/** A currency with a clitic or run into its amount: «بالدولار», «ريالاً», «5000درهم». */
function isCurrency(word: string): boolean {
  const bare = word.replace(/^\d+/, "").replace(/^(?:[وفبل]?ال|[وفبل])/, "");
  return CURRENCY_SET.has(word) || CURRENCY_SET.has(bare);
}

/** Words that ask what something is («ما تعريف X؟», «ما معنى X؟»), with or without a clitic. */
const DEFINITION_WORDS = new Set(["تعريف", "معنى", "مفهوم", "المقصود", "مقصود", "ماهية", "يقصد", "يعني", "تعني", "تعرف"].map(normalize));

export function isDefinitionWord(word: string): boolean {
  return DEFINITION_WORDS.has(word) || DEFINITION_WORDS.has(word.replace(/^(?:[وب]?ال|[وب])/, ""));
}

/**
 * Words that ask what the subject is called — its name, full name, other name, title, or
 * name in another language — which an article's opening gives: «ما الاسم الكامل لابن خلدون؟»,
 * «ما اسم الموناليزا بالفرنسية؟», «ما الاسم الآخر للمسيحية؟».
 */
const NAMING_WORDS = new Set(
  [
    "اسم", "اسمه", "اسمها", "تسمية", "تسمى", "يسمى", "سمي", "سميت", "لقب", "يلقب", "تلقب", "كنية", "كامل", "كاملة", "لغة",
    "انجليزية", "انجليزي", "انكليزية", "فرنسية", "لاتينية", "يونانية", "عبرية", "تركية", "فارسية", "المانية", "اسبانية",
    "ايطالية", "اصلي", "اخر", "اخرى",
    // What the subject is by trade, nationality, faith or origin, which an opening also says
    // («شيرين عبد الوهاب… مغنية مصرية»): «ما جنسية…؟», «ما مهنة…؟».
    "جنسية", "جنسيته", "جنسيتها", "مهنة", "مهنته", "مهنتها", "وظيفة", "وظيفته", "وظيفتها", "ديانة", "ديانته", "ديانتها",
    "اصل", "اصله", "اصلها", "جذور",
  ].map(normalize),
);

/** Nouns that only say what kind of answer is asked, a name or a kind: «ما اسم…؟», «ما نوع…؟». */
const ASKING_NOUNS = new Set(["اسم", "الاسم", "اسمه", "اسمها", "نوع", "النوع", "انواع"].map(normalize));

export function isAskingNoun(word: string): boolean {
  return ASKING_NOUNS.has(word);
}

/** The word without its article or a proclitic: «بالفرنسية», «للعلامة», «والاسم». */
const withoutClitic = (word: string) => word.replace(/^(?:[وبل]?ال|لل|[وبل])/, "");

export function isNamingWord(word: string): boolean {
  return NAMING_WORDS.has(word) || NAMING_WORDS.has(withoutClitic(word));
}

/** What a person is called by before their name («العلامة ابن خلدون», «الإمام الشافعي»): part of the subject. */
const HONORIFICS = new Set(
  [
    "شيخ", "امام", "علامة", "سلطان", "ملك", "امير", "خليفة", "دكتور", "استاذ", "فنان", "فنانة", "ممثل", "ممثلة", "شاعر",
    "شاعرة", "رسول", "نبي", "قائد", "زعيم", "مطرب", "مطربة", "لاعب", "روائي", "عالم",
  ].map(normalize),
);

export function isHonorific(word: string): boolean {
  return HONORIFICS.has(withoutClitic(word));
}

/** Words that ask when a person was born or died: «متى ولد…؟», «في أي عام توفي…؟». */
const LIFE_WORDS: Record<string, "birth" | "death"> = Object.fromEntries([
  ...["ولد", "ولدت", "مولد", "مولده", "مولدها", "ميلاد", "ميلاده", "ميلادها", "ولادة", "ولادته", "ولادتها", "مواليد"].map((w) => [normalize(w), "birth" as const]),
  ...["توفي", "توفى", "توفيت", "وفاة", "وفاته", "وفاتها", "مات", "ماتت", "موت", "موته"].map((w) => [normalize(w), "death" as const]),
]);

export function lifeEvent(word: string): "birth" | "death" | undefined {
  return LIFE_WORDS[word] ?? LIFE_WORDS[word.replace(/^[وف]/, "")];
}

/**
 * The life dates a biography's opening gives in brackets, «عمر المختار (20 أغسطس 1858 - 16
 * سبتمبر 1931)», «بشار الأسد (مواليد 11 سبتمبر 1965)»: one year says when its subject was
 * born, a span of two when they were born and died.
 */
export function bracketedLife(text: string): { birth: boolean; death: boolean } {
  let birth = false;
  let death = false;
  for (const [, inside] of text.matchAll(/\(([^()]{0,200})\)/g)) {
    const years = inside!.match(/\d{3,4}/g) ?? [];
    if (years.length) birth = true;
    if (years.length >= 2 && /[-–]/.test(inside!)) death = true;
  }
  return { birth, death };
}

/** Ordinals, masculine and feminine, by rank: «الخامسة» and «الخامس» are both 5. */
const ORDINALS: Record<string, number> = Object.fromEntries(
  [
    ["اول", "اولى"], ["ثاني", "ثانية"], ["ثالث", "ثالثة"], ["رابع", "رابعة"], ["خامس", "خامسة"], ["سادس", "سادسة"],
    ["سابع", "سابعة"], ["ثامن", "ثامنة"], ["تاسع", "تاسعة"], ["عاشر", "عاشرة"],
  ].flatMap((forms, rank) => forms.map((form) => [normalize(form), rank + 1])),
);

/** The rank an ordinal with the article says («الخامسة», «بالنسخة الخامسة» → 5), or undefined. */
export function ordinalRank(word: string): number | undefined {
  const bare = word.replace(/^(?:[وفبل]?ال|لل)/, "");
  return bare !== word ? ORDINALS[bare] : undefined;
}
