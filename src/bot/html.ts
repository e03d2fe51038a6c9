// Small helpers for Telegram HTML in right-to-left text.

const LRI = "\u2066"; // left-to-right isolate
const PDI = "\u2069"; // pop directional isolate

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Half an emoji (a lone UTF-16 surrogate) is not UTF-8, and Telegram refuses the whole message: U+FFFD instead. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** Escapes the three characters Telegram's HTML parser cares about, plus quotes for attributes; valid UTF-8 out. */
export function escapeHtml(text: string): string {
  return wellFormed(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
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

const ENTITY = /&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-f]{1,6}));?/gi;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** What a user would see of our HTML: tags dropped, entities decoded (for plain-text fallbacks). */
export function htmlToPlain(html: string): string {
  return html.replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?>/gi, "").replace(ENTITY, (whole, name?: string, dec?: string, hex?: string) => {
    if (name) return NAMED[name.toLowerCase()]!;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/**
 * A position at or before `at` to cut `text`: at a space when one is within 40 characters,
 * never between the halves of an emoji (a surrogate pair).
 */
export function safeCut(text: string, at: number): number {
  let cut = Math.max(0, Math.min(at, text.length));
  const space = text.lastIndexOf(" ", cut);
  if (space > 0 && cut - space < 40) cut = space;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}
