// Small helpers for Telegram HTML in right-to-left text.

const LRI = "\u2066"; // left-to-right isolate
const PDI = "\u2069"; // pop directional isolate

/** Escapes the three characters Telegram's HTML parser cares about, plus quotes for attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Keeps a Latin word, command or number left-to-right inside an Arabic sentence. */
export function ltr(text: string): string {
  return `${LRI}${text}${PDI}`;
}

/** Wraps every run of Latin words and numbers ("Sarah Perez", "2024-08-23") in an isolate. */
export function isolateLatin(text: string): string {
  return text.replace(/[A-Za-z0-9](?:[A-Za-z0-9.,'’&:/_-]| (?=[A-Za-z0-9]))*/g, (run) => ltr(run));
}

const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

export function arabicDigits(value: number | string): string {
  return String(value).replace(/[0-9]/g, (digit) => ARABIC_DIGITS[Number(digit)]!);
}
