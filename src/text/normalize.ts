// Step 1 of the analysis chain: fold the many ways people write the same Arabic word
// into one form. Used unchanged for indexing and querying.

// Format characters: LRM, RLM, ALM, ZWNJ, ZWJ, bidi embeddings/isolates, BOM, soft hyphen.
const FORMAT_CHARS = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Tatweel and harakat (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED).
const TATWEEL_AND_HARAKAT = /[\u0640\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;

const LETTER_FOLDS: Record<string, string> = {
  "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
  "ى": "ي", "ئ": "ي", "ی": "ي",
  "ة": "ه", "ۀ": "ه",
  "ؤ": "و",
  "ک": "ك",
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");

// A letter typed three times or more is one stretched for emphasis («كمممم», «وييين»): no
// Arabic word repeats a letter thrice (a doubled one is written with shadda).
const STRETCHED = /([\u0621-\u064A])\1{2,}/g;

// Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits → ASCII.
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Remove format characters, tatweel and harakat; these never change a word's meaning for search. */
export function stripMarks(text: string): string {
  return text.replace(FORMAT_CHARS, "").replace(TATWEEL_AND_HARAKAT, "");
}

export function foldLetters(text: string): string {
  return text.replace(LETTER_FOLD_RE, (ch) => LETTER_FOLDS[ch] ?? ch);
}

export function foldDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (d) => String((d.codePointAt(0)! & 0xf) % 10));
}

// Accents on Latin letters, once NFKD has taken them apart: «Müller», «José» are searched as
// «muller», «jose», the way people type them (and the way name skeletons read them).
const LATIN_ACCENT = /(?<=[A-Za-z])[\u0300-\u036F]+/g;

const ACCENTED_LATIN = /[\u00C0-\u024F\u1E00-\u1EFF]/;

const withoutLatinAccents = (text: string) => (ACCENTED_LATIN.test(text) ? text.normalize("NFKD").replace(LATIN_ACCENT, "").normalize("NFC") : text);

export function normalize(text: string): string {
  return foldDigits(foldLetters(stripMarks(withoutLatinAccents(text.normalize("NFKC")))))
    .replace(STRETCHED, "$1")
    .toLowerCase();
}
