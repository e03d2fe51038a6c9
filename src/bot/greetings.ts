// Greetings and thanks get a friendly reply instead of a search — but only when the
// whole message is one (after light normalisation), so "مرحبا، من هو زوكربيرج؟" is a question.
import { texts } from "./texts.ts";

/** Lower case, no diacritics/tatweel/punctuation/emoji, one alef/ha/ya form, no stretched letters. */
export function normalizeGreeting(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/(\p{L})\1+/gu, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

const phrases = (...list: string[]) => new Set(list.map(normalizeGreeting));

const SALAM = phrases(
  "السلام عليكم",
  "السلام عليكم ورحمة الله",
  "السلام عليكم ورحمة الله وبركاته",
  "سلام عليكم",
  "سلام",
  "salam",
  "salam alaikum",
  "assalamu alaikum",
  "as salamu alaykum",
);

const HELLO = phrases(
  "مرحبا",
  "مرحبا بك",
  "مرحبتين",
  "اهلا",
  "اهلا وسهلا",
  "اهلا بك",
  "اهلين",
  "هلا",
  "هلا والله",
  "هاي",
  "صباح الخير",
  "مساء الخير",
  "hi",
  "hello",
  "hey",
  "hi there",
  "good morning",
  "good evening",
);

const THANKS = phrases(
  "شكرا",
  "شكرا جزيلا",
  "شكرا لك",
  "شكرا لكم",
  "شكرا كثيرا",
  "الف شكر",
  "مشكور",
  "مشكورين",
  "تسلم",
  "يعطيك العافية",
  "جزاك الله خيرا",
  "بارك الله فيك",
  "thanks",
  "thank you",
  "thanks a lot",
  "thank you very much",
  "thx",
  "merci",
);

/** The reply to a greeting or thanks, or undefined when the message is something else. */
export function greetingReply(text: string): string | undefined {
  const phrase = normalizeGreeting(text);
  if (SALAM.has(phrase)) return texts.salamReply;
  if (HELLO.has(phrase)) return texts.greeting;
  if (THANKS.has(phrase)) return texts.thanksReply;
  return undefined;
}
