import { describe, expect, it } from "vitest";
import { normalize } from "../../src/text/normalize.ts";
import { isArabicWord, shareRoot } from "../../src/text/words.ts";

const word = (w: string) => isArabicWord(normalize(w));

describe("the Arabic word list", () => {
  it("holds real words, with or without their clitics", () => {
    for (const w of ["صداع", "الصداع", "اتفاق", "والاتفاق", "دارسة", "وزن", "طقس"]) expect(word(w), w).toBe(true);
  });
  it("does not hold typos, Latin words or short fragments", () => {
    for (const w of ["التوقيغ", "يخفص", "نمودجا", "spotify", "عو"]) expect(word(w), w).toBe(false);
  });
});

describe("shareRoot", () => {
  it("joins forms of one word: prefixes of the present, participles, verbal nouns, proclitics", () => {
    for (const [a, b] of [["تحذر", "يحذر"], ["تدرب", "تدريب"], ["ساعد", "مساعد"], ["نجاح", "لنجاح"], ["تاخر", "تاخير"], ["يوفر", "نوفر"]]) {
      expect(shareRoot(normalize(a!), normalize(b!)), `${a} ~ ${b}`).toBe(true);
    }
  });
  it("keeps apart words one letter apart that are not one word", () => {
    for (const [a, b] of [["الاتفاق", "انفاق"], ["يصير", "قصير"], ["تجبر", "تجرب"], ["الامتعة", "امتنع"], ["مسالة", "مثال"]]) {
      expect(shareRoot(normalize(a!), normalize(b!)), `${a} ≁ ${b}`).toBe(false);
    }
  });
});
