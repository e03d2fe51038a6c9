// Lines that are the site's, not the article's: subscribe and follow boxes, share and like
// prompts, "related" headings. They end saved pages and copied texts alike.

const CHROME_LINES: RegExp[] = [
  /^اشترك(?:\s|$)/, // «اشترك للحصول على أحدث التدوينات…», «اشترك في النشرة…»
  /^اكتشاف المزيد من/, // Jetpack's «اكتشاف المزيد من موقع …»
  /^(?:تابعنا|تابعونا)(?:\s|$)/,
  /^(?:شارك|شاركها|شارك هذا|شارك المقال)\s*(?:هذا|هذه)?\s*[:：]?$/,
  /^(?:معجب بهذه|أعجبني|إعجاب)\s*[:：]?$/,
  /^(?:ذات صلة|مقالات ذات صلة|اقرأ أيضا|اقرأ أيضًا|اقرأ أيضاً)\s*[:：]?$/,
  /^(?:اترك تعليقا|اترك تعليقاً|اترك ردا|اترك رداً|أضف تعليقا|أضف تعليقاً)\s*$/,
  /^(?:subscribe|sign up|follow us|share this|like this|related|discover more from)\b/i,
];
/** Chrome lines are short; a long paragraph that happens to start so is the article's. */
const MAX_CHROME_LENGTH = 160;

export function isChromeLine(text: string): boolean {
  const line = text.trim();
  return line.length <= MAX_CHROME_LENGTH && CHROME_LINES.some((pattern) => pattern.test(line));
}

/** Splits off the trailing run of chrome lines: what an article copied from a site ends with. */
export function dropTrailingChrome(paragraphs: string[]): { kept: string[]; dropped: string[] } {
  let end = paragraphs.length;
  while (end > 0 && isChromeLine(paragraphs[end - 1]!)) end--;
  return { kept: paragraphs.slice(0, end), dropped: paragraphs.slice(end) };
}
