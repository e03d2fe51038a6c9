// What a question says besides its question: a greeting or a label before it («السلام
// عليكم،», «سؤال:»), laughter or a vocative after it («هههه», «يا بوت»). Dropped from a
// question's words before anything reads them; not stop words, since «السلام» and «سؤال»
// are words an article can be about.
import type { Word } from "./analyze.ts";
import { normalize } from "./normalize.ts";

const phrases = (...list: string[]) => list.map((p) => normalize(p).split(" ")).sort((a, b) => b.length - a.length);

const OPENINGS = phrases(
  "السلام عليكم ورحمة الله وبركاته", "السلام عليكم ورحمة الله", "السلام عليكم", "سلام عليكم", "سلام",
  "مرحبا", "مرحبتين", "اهلا وسهلا", "اهلا", "اهلين", "هلا والله", "هلا", "هاي", "صباح الخير", "مساء الخير",
  "hi", "hello", "hey", "سؤال", "سؤالي", "عندي سؤال", "سؤال لو سمحت", "استفسار", "عندي استفسار",
);
/** «يا بوت», «يا جماعة»: who is asked, not what. */
const ADDRESSED = new Set(["بوت", "البوت", "جماعه", "شباب", "اخوان", "حبيبي", "غالي", "اخي", "اخوي", "صديقي", "استاذ", "عزيزي", "bot"].map(normalize));
/** Laughter, «هههه» (one «ه» once normalised: normalize.ts), «هاها», «lol». */
const LAUGHTER = /^(?:ه+|(?:ها){2,}|lol)$/;

const startsWith = (words: Word[], at: number, phrase: string[]) => phrase.every((p, i) => words[at + i]?.text === p);

/** The question's words without a greeting or label before it, and without laughter or a vocative anywhere in it. */
export function withoutCourtesy(words: Word[]): Word[] {
  let first = 0;
  for (let found = true; found; ) {
    const opening = OPENINGS.find((phrase) => startsWith(words, first, phrase) && first + phrase.length < words.length);
    found = opening !== undefined;
    if (opening) first += opening.length;
  }
  const kept = words.slice(first).filter((w, i, all) => !LAUGHTER.test(w.text) && !(w.text === "يا" && ADDRESSED.has(all[i + 1]?.text ?? "")) && !(all[i - 1]?.text === "يا" && ADDRESSED.has(w.text)));
  return kept.length ? kept : words;
}
