// Step 3: words that carry no meaning for retrieval. Base: stopwords-iso's Arabic list,
// less the content words it holds, plus question words (formal and dialect), all
// normalised by the same step 1 as the text.
import stopwordsIso from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { normalize } from "./normalize.ts";

// In stopwords-iso, but they answer questions: dates, numbers, "year", "power"…
const CONTENT_WORDS = [
  "اليوم", "يوم", "ايام", "عام", "عاما", "عامة", "سنة", "سنوات", "مليون", "مليار", "قوة",
  "ايار", "مايو", "صباح", "مساء", "امس", "غدا", "زيارة", "اعلنت", "اكد", "واكد", "برس",
  "لوكالة", "للامم", "باسم", "الذاتي", "الماضي", "المقبل", "السابق", "الاول", "الاولى",
  "الثاني", "الثانية", "الاخيرة", "ثلاثة", "اربعة", "عشر", "عشرة", "الف", "واحد", "صفر",
  "نهاية", "حاليا", "اطار", "اعادة", "شخصا", "الوقت", "عدو", "ضد",
  // Verbs and nouns the list holds that answer or ask: founded, began, coup, turned into,
  // returned, stood, appointed, hot, father, brother, took.
  "انشا", "ابتدا", "انقلب", "تحول", "رجع", "عاد", "علق", "وقف", "عين", "حار", "اب", "اخ", "اخذ",
  "ai", // English list: "AI" is content here
];

// Question words and fillers, formal and dialect (Gulf, Levantine, Egyptian, Iraqi, Maghrebi).
const QUESTION_WORDS = [
  "ما", "ماذا", "لماذا", "لما", "لم", "متى", "اين", "كيف", "كم", "هل", "من", "مين", "منو", "شنو",
  "ليش", "ليه", "شو", "وش", "ايش", "ايه", "اش", "شلون", "قديش", "اديش", "كام", "امتى", "فين",
  "وين", "ازاي", "علاش", "واش", "شكون", "وشو", "ليس", "اي", "ايهما", "هو", "هي",
  "يعني", "اللي", "الي", "ممكن", "بدي", "ابغى", "ابي", "عايز", "عاوز", "حابب", "قول", "قولي",
  "قلي", "اخبرني", "احكيلي", "خبرني", "عرفني", "تعرف", "بالضبط", "طيب", "يا", "الحين", "هاي",
  "هاد", "هادا", "هذي", "دي", "ده", "دا", "هيك", "كده", "كدا", "عن", "حول", "بخصوص", "بشان",
  // Dialect particles and fillers: negation, future, progressive, possessive, "also", "like".
  "مش", "مو", "مب", "ماهو", "رح", "راح", "حا", "ح", "هي", "عم", "بتاع", "بتاعه", "بتاعها", "بتاعت", "بتاعتها",
  "بتوع", "تبع", "تبعه", "تبعها", "حق", "حقت", "حقه", "حقها", "كمان", "برضو", "برضه", "بعد", "لسه",
  "لسا", "اوي", "جدا", "مره", "شي", "اشي", "حاجه", "الشي", "الشيء", "شيء", "اشياء", "الاشياء", "اشيا", "الاشيا", "انو", "انه", "هلق", "هسه", "دلوقتي", "احنا", "انا",
  "انت", "هما", "همه", "ولا", "هاذا", "هاذي", "ذا", "شنهو", "ويش", "يعنی", "بس",
  // The article or a preposition written apart from the word («ال EU», «بال open source»), and
  // more dialect fillers.
  "ال", "بال", "وال", "فال", "كال", "لل", "عال", "عل", "فال", "بالظبط", "بالزبط", "بالزبط", "خالص", "بالمره",
  "اصلا", "قصة", "قصته", "قصتها", "حكاية", "سالفه", "سالفة", "موضوع", "بالموضوع", "ياه", "ياها", "ياهم", "اياه", "اياها", "اياهم",
  "عشان", "علشان", "مشان", "منشان", "كرمال",
  // Asking to be given or shown: «اعطني الرابط», «ابعتلي اللينك», «وريني».
  "اعطني", "اعطيني", "عطني", "عطيني", "ابعتلي", "ابعثلي", "ارسل", "ارسلي", "ارسللي", "هات", "هاتلي", "جيبلي",
  "وريني", "ورجيني", "اريد", "نريد", "بغيت", "حاب", "نبغى",
  // Asking to be told: «اذكر ثلاثة…», «اشرح…», «وضح…», «اعط مثالا».
  "اذكر", "اذكري", "اذكرو", "اشرح", "اشرحي", "اشرحلي", "وضح", "وضحي", "اعط", "اعطي", "اعطنا",
  // Maghrebi question words and particles: how, how much, when, from where, what, why, will, of, now.
  "كيفاش", "شحال", "قداش", "وقتاش", "فوقاش", "منين", "اشنو", "علاه", "غادي", "غا", "ديال", "ديالها", "ديالهم", "دابا", "واخا",
  // Question words run together or spelt as said: «ماهي», «ماسم» (ما اسم), «مالذي», «بمازا»,
  // «اللتي». Left in, each would count as a content word no text holds.
  "ماهي", "ماهى", "ماهم", "ماهن", "ماسم", "مالذي", "ماالذي", "مالتي", "ماالتي", "مادا", "مازا", "لمادا", "لمازا",
  "اللتي", "اللذي", "اللتى", "اللذى", "الدي", "اللدي", "اللذين", "اللتين", "اللذان", "اللتان",
  // Levantine and Gulf "when" that the lists above lack; Iraqi when, how much, how, why.
  "ايمتى", "ايمتا", "امتا", "وقتيش", "امتين", "ايمتين", "شوكت", "اشوكت", "شكد", "اشكد", "بيش", "اشلون", "لويش",
  // Politeness and asking to be told: «لو سمحت», «من فضلك», «ممكن تقولي…؟ شكرا». Left in, each
  // counts as a word the text lacks and a polite question is refused.
  "سمحت", "سمحتي", "سمحتو", "سمحتوا", "فضلك", "فضلكم", "رجاء", "الرجاء", "رجاءا", "بليز", "لطفا", "تكرما", "ياريت",
  "شكرا", "مشكور", "مشكوره", "مشكورين", "يعطيك", "العافيه", "مرحبا", "اهلا", "please", "thanks",
  "تقولي", "تقوللي", "تقلي", "تخبرني", "تخبرنا", "تعطيني", "تعطينا", "تشرحلي", "توضحلي", "تعرفني", "اعرف", "نعرف",
  "حطلي", "حط",
  // The commonest verbs' other persons, which stopwords-iso leaves out: «كانوا», «قالوا».
  "كانوا", "كانو", "كنت", "كنا", "تكون", "يكونوا", "يكونو", "تكونوا",
  // Time fillers, Levantine, Gulf, Iraqi: then, now.
  "بعدين", "ذلحين", "ذالحين", "هالحين", "هسا", "هسع",
  // Levantine «هني» (they), Maghrebi «ملي» (when), Yemeni «با» (will), and the possessives
  // «ديالو»… «نتاع» that the ones above do not cover.
  "هني", "هنن", "ملي", "با", "ديالو", "ديالي", "ديالك", "ديالنا", "ديالكم", "نتاع", "متاع", "تاعو", "تاعها",
  "بتاعي", "بتاعك", "بتاعنا", "بتاعهم", "بتاعتهم", "تبعي", "تبعك", "تبعنا", "تبعهم", "حقي", "حقك", "حقنا", "حقهم",
  // «الواحد» in a question is "one", anyone: «قديش لازم يمشي الواحد؟», «سعر الكيلو الواحد».
  "الواحد",
  // "Must", "should", as every dialect says it: «قديش لازم نشرب؟», «المفروض نروح إمتى؟». Left
  // in, «لازم» was read as ل + «أزمة».
  "لازم", "لازمني", "لازمنا", "لازمك", "مفروض", "المفروض",
  // Maghrebi «خاصني» (I need), «معايا» (with me).
  "خاصني", "خاصنا", "خاصك", "خاصو", "معايا", "معاك", "معاه", "معاها", "معاهم", "ويايا", "بعضياتهم", "بعضياتنا",
  // "Exactly", "in particular", "just": emphasis, not content («مهم لـ Spotify بالذات؟»).
  "بالذات", "بالتحديد", "تحديدا", "بالضبت", "بالظبت", "مجرد",
  // Words about the article itself: every answer is "in the article".
  "المقال", "المقاله", "الخبر", "النص", "المذكور", "المذكوره", "حسب", "بحسب", "وفق", "وفقا", "طبقا",
  "كلام", "الكلام", "كلامه", "كلامها", "كلامهم", "ذكر", "ذكرت", "يذكر", "تذكر", "قال", "قالت", "قالوا", "قالو", "يقول", "تقول", "يقولون", "يقولوا", "بيقول", "بيقولوا", "بيقولو", "تحكي",
];

// The Arabic article in a Latin-script name, apart from it («Sanaa El Idrissi»); the English
// list already has «al». Left in, it weighs as a name no article writes.
const LATIN_NAME_ARTICLES = ["el", "ul"];

const DROPPED = new Set(CONTENT_WORDS.map(normalize));

export const STOP_WORDS: ReadonlySet<string> = new Set(
  // English too: people mix Latin names with a few English words («the CEO of Spotify»).
  [...(stopwordsIso as Record<string, string[]>).ar!, ...QUESTION_WORDS, ...(stopwordsIso as Record<string, string[]>).en!, ...LATIN_NAME_ARTICLES]
    .map(normalize)
    // Numbers answer questions («10», «39» are in stopwords-iso's lists).
    .filter((word) => word && !DROPPED.has(word) && !/\d/.test(word)),
);

// Not «ك» (like): it goes on nouns, and «كلية» (a college) is no «ك» + dialect «ليه».
const PROCLITIC = /^[وفبل]/;
const PRONOUN_SUFFIX = /(?:هما|هم|هن|ها|كم|نا)$/;
// A one-letter pronoun (ه ك ي) is also how a noun ends once ة is written ه («تذكرة», «كلمة»,
// «طاقة»), or a nisba: only on the prepositions and particles that take pronouns is it one.
const ONE_LETTER_PRONOUN = /[هكي]$/;
const PRONOUN_HOSTS = new Set([
  "من", "عن", "في", "مع", "الي", "علي", "لدي", "عند", "بين", "بعد", "قبل", "حول", "دون", "غير", "مثل", "نفس",
  "ذات", "خلال", "ضمن", "امام", "وراء", "فوق", "تحت", "كل", "بعض", "جميع", "ان", "لكن", "لان", "كان", "لعل",
  "ليت", "منذ", "حتي", "عبر", "نحو", "ضد", "حسب", "وفق", "اثناء", "بسبب", "اجل", "ايا", "عل",
]);

// The two-letter function words that take a proclitic or a pronoun («فقد», «لكي», «بما», «منها»).
// Other two-letter entries are dialect or rare («دا», «عل», «حق», «بن»): with a letter before
// or after they are content words («بدا», «فعل», «لحق», «بنها»).
const SHORT_HOSTS = new Set([
  "اي", "ان", "او", "اذ", "بك", "به", "بي", "بس", "ثم", "ذا", "ذو", "ذي", "عن", "في", "قد", "قط", "كل", "كم", "كي",
  "لا", "لك", "لم", "لن", "له", "لو", "ما", "مع", "من", "ها", "هم", "هن", "هو", "هي", "هل", "تم", "ظل", "شو", "اش",
  "مش", "مو", "رح", "شي", "يا",
]);

function isHost(word: string): boolean {
  return word.length >= 3 ? STOP_WORDS.has(word) : SHORT_HOSTS.has(word);
}

/**
 * A listed word, or one with a proclitic or a pronoun suffix on a listed word («معها»,
 * «عليهم», «بشو», «لمين»): a function word either way. Left in, it would count as a
 * content word the text lacks.
 */
export function isStopWord(term: string): boolean {
  if (STOP_WORDS.has(term)) return true;
  if (term.length < 3) return false;
  const bare = term.replace(PROCLITIC, "");
  if (bare !== term && isHost(bare)) return true;
  const base = term.replace(PRONOUN_SUFFIX, "");
  if (base !== term && isHost(base)) return true;
  const host = term.slice(0, -1);
  return ONE_LETTER_PRONOUN.test(term) && (PRONOUN_HOSTS.has(host) || PRONOUN_HOSTS.has(host.replace(PROCLITIC, "")));
}
