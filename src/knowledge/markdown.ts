// Markdown body → the plain text the bot quotes. Quotes must be the article's words, so
// formatting marks go and the words stay: **bold**, _em_, [text](url), `code`, # headings,
// > quotes and list markers. Anything that is not one of those stays as written.

const IMAGE = /!\[([^\]]*)\]\([^)]*\)/g;
const LINK = /\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g;
const REFERENCE_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]]+\]:\s+\S+.*$/gm;
const AUTOLINK = /<(https?:\/\/[^>\s]+)>/g;
const STRONG = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/g;
// Single * or _ only around words, so "5 * 3" and snake_case survive.
const EMPHASIS = /(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^*_\n]*?\S)\2(?![\p{L}\p{N}])/gu;
const STRIKE = /~~(?=\S)([\s\S]*?\S)~~/g;
const CODE = /`([^`\n]+)`/g;
const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;
const BLOCKQUOTE = /^[ \t]{0,3}>[ \t]?/gm;
const LIST_MARKER = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/gm;
const RULE = /^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/gm;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** Plain text of a Markdown body, paragraphs still separated by blank lines. */
export function markdownToPlain(markdown: string): string {
  // Backslash-escaped marks are text (the importer escapes the article's own * _ [ #…).
  const escaped: string[] = [];
  return markdown
    .replace(ESCAPED, (_, mark: string) => `\uE000${escaped.push(mark) - 1}\uE001`)
    .replace(HTML_COMMENT, "")
    .replace(LINK_DEFINITION, "")
    .replace(RULE, "")
    .replace(IMAGE, "")
    .replace(LINK, "$1")
    .replace(REFERENCE_LINK, "$1")
    .replace(AUTOLINK, "$1")
    .replace(CODE, "$1")
    .replace(STRONG, "$2")
    .replace(STRIKE, "$1")
    .replace(EMPHASIS, "$1$3")
    .replace(HEADING, "$1")
    .replace(BLOCKQUOTE, "")
    .replace(LIST_MARKER, "")
    .replace(PLACEHOLDER, (_, i: string) => escaped[Number(i)]!);
}

/** Text that reads back as itself through markdownToPlain: its marks escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~<!]/g, "\\$&")
    .replace(/^([ \t]*)([#>+-])(?=[ \t]|$)/gm, "$1\\$2")
    .replace(/^([ \t]*\d{1,9})([.)])(?=[ \t])/gm, "$1\\$2");
}

/** A body that opens with a level-1 heading: its text, and the body after it. */
export function leadingTitle(markdown: string): { title?: string; rest: string } {
  const match = /^\s*#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return { rest: markdown };
  return { title: markdownToPlain(match[1]!).trim(), rest: markdown.slice(match[0].length) };
}
