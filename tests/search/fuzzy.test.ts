import { describe, expect, it } from "vitest";
import { FuzzyVocabulary, isOneEditAway, letterSlips } from "../../src/search/fuzzy.ts";

describe("isOneEditAway", () => {
  it.each([
    ["نموذج", "نمودج", true], // substitution
    ["نموذج", "نموذجج", true], // insertion
    ["نموذج", "نموج", true], // deletion
    ["نموذج", "نمذوج", true], // swap
    ["نموذج", "نموذج", false],
    ["نموذج", "نمدوذ", false],
    ["abcd", "bcda", false],
    ["مجانيه", "مجانبه", true], // ي and ب are neighbours on the keyboard
    ["كتاب", "كثاب", true], // ت and ث sound alike
    ["عالم", "عاصم", false], // ل and ص are neither
    ["تتاثر", "متاثر", true], // another opening letter of a derived form
    ["spotify", "spotufy", true], // any Latin letter
  ])("%s ~ %s → %s", (a, b, expected) => {
    expect(isOneEditAway(a, b)).toBe(expected);
  });
});

describe("FuzzyVocabulary", () => {
  const vocabulary = new FuzzyVocabulary(["نموذج", "تنظيم", "مستخدم", "spotify", "اب"]);
  it("corrects one typo to a vocabulary word", () => {
    expect(vocabulary.closest("نمودج")).toBe("نموذج");
    expect(vocabulary.closest("تنظييم")).toBe("تنظيم");
    expect(vocabulary.closest("spotfy")).toBe("spotify");
  });
  it("does not correct short words or words two edits away", () => {
    expect(vocabulary.closest("اي")).toBeUndefined();
    expect(vocabulary.closest("مستكدمم")).toBeUndefined();
  });
  it("prefers the word the text uses most over one the typo is a part of", () => {
    // Stems: «الدارسة» (دارس) is a swap in «الدراسة» (دراس); Fuse alone ranked «مدارس», which holds it whole, first.
    const used = new Map([["دراس", 9], ["مدارس", 1]]);
    expect(new FuzzyVocabulary(["دراس", "مدارس"]).closest("دارس", (w) => used.get(w) ?? 0)).toBe("دراس");
  });
  it("prefers the candidate the caller ranks higher on a tie", () => {
    const tie = new FuzzyVocabulary(["كتاب", "كلاب"]);
    expect(tie.closest("كثاب", (w) => (w === "كتاب" ? 2 : 1))).toBe("كتاب");
  });
});

describe("letterSlips", () => {
  it("spells the word with each letter swapped for a keyboard neighbour or a sound-alike", () => {
    const slips = letterSlips("عو");
    expect(slips).toContain("هو"); // ع and ه are neighbours on the keyboard
    expect(slips).not.toContain("مو");
    expect(slips.every((s) => s.length === 2)).toBe(true);
  });
});

describe("FuzzyVocabulary bounds", () => {
  it("ignores absurdly long words instead of expanding them", () => {
    const long = "ب".repeat(40);
    const vocabulary = new FuzzyVocabulary([long, "نموذج"]);
    expect(vocabulary.closest(long.slice(1))).toBeUndefined();
    expect(vocabulary.closest("نمودج")).toBe("نموذج");
  });
});
