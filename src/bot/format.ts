// Answers and knowledge metadata → Telegram HTML. Everything from outside is escaped;
// messages never exceed Telegram's 4096-character limit (the quote is trimmed instead).
import type { DocumentMeta, KnowledgeDocument, Result } from "../types.ts";
import { arabicDigits, escapeHtml, isolateLatin, safeCut, wellFormed } from "./html.ts";
import { texts } from "./texts.ts";

export const MAX_MESSAGE_LENGTH = 4096;
/** Paragraphs longer than this are shown collapsed (`<blockquote expandable>`). */
const EXPANDABLE_FROM = 500;
/** A question echoed above an answer (inline, examples) is cut to this length. */
const MAX_ECHOED_QUESTION = 200;

type SourceMeta = Result["document"];

/**
 * «Title» — Publisher، الفقرة ٣ — with a link on the title only when the document has a url.
 * Paragraph 0 is the article's details (its front matter), not its text.
 */
export function sourceLine(doc: SourceMeta, paragraph: number): string {
  const title = escapeHtml(isolateLatin(doc.title));
  const linked = doc.url ? `<a href="${escapeHtml(doc.url)}">${title}</a>` : title;
  const where = paragraph > 0 ? texts.paragraphLabel(paragraph) : texts.detailsLabel;
  return `📖 ${texts.sourceLabel}: «${linked}» — ${escapeHtml(isolateLatin(doc.publisher))}، ${where}`;
}

/** One result: optional question line, the quote with matched words in bold, the source line. */
export function formatResult(result: Result, options: { question?: string } = {}): string {
  const head = questionLine(options.question);
  const tail = `\n${sourceLine(result.document, result.paragraph)}`;
  const budget = MAX_MESSAGE_LENGTH - head.length - tail.length;
  return head + quoteBlock(result.quote, result.highlights, budget) + tail;
}

/** "❓ question" above an answer whose chat did not see the question. */
function questionLine(question: string | undefined): string {
  return question ? `❓ <b>${escapeHtml(shorten(question, MAX_ECHOED_QUESTION))}</b>\n` : "";
}

/** A whole paragraph with its source; long ones collapsed. */
export function formatParagraph(text: string, doc: SourceMeta, paragraph: number, options: { question?: string } = {}): string {
  const head = questionLine(options.question);
  const tail = `\n${sourceLine(doc, paragraph)}`;
  const expandable = text.length > EXPANDABLE_FROM;
  return head + quoteBlock(text, [], MAX_MESSAGE_LENGTH - head.length - tail.length, expandable) + tail;
}

/** `<blockquote>` of `text` with `highlights` in bold, at most `budget` characters of HTML. */
export function quoteBlock(
  text: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  budget: number,
  expandable = false,
): string {
  const open = expandable ? "<blockquote expandable>" : "<blockquote>";
  const close = "</blockquote>";
  const ranges = mergeRanges(highlights, text);
  let html = open + highlightHtml(text, ranges) + close;
  // Trim the plain text and render again (never cut the HTML itself), until it fits.
  let keep = text.length;
  while (html.length > budget && keep > 0) {
    keep = safeCut(text, Math.min(keep - 1, keep - (html.length - budget) - 1));
    const kept = text.slice(0, keep).trimEnd() + "…";
    html = open + highlightHtml(kept, clipRanges(ranges, keep)) + close;
  }
  return html.length <= budget ? html : "";
}

/** The text with the given [start, end) ranges wrapped in <b>, everything escaped. */
export function highlightHtml(text: string, ranges: Array<[number, number]>): string {
  let html = "";
  let at = 0;
  for (const [start, end] of ranges) {
    html += escapeHtml(text.slice(at, start)) + `<b>${escapeHtml(text.slice(start, end))}</b>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

/**
 * Sorted, clipped to the text, empty ones dropped; overlapping ranges and ranges only
 * a space apart are merged, so "الرئيس التنفيذي" is one bold run, not two.
 */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>, text: string): Array<[number, number]> {
  const sorted = ranges
    .map(([start, end]): [number, number] => [Math.max(0, Math.floor(start)), Math.min(text.length, Math.floor(end))])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && (range[0] <= last[1] || /^[ \t]+$/.test(text.slice(last[1], range[0])))) {
      last[1] = Math.max(last[1], range[1]);
    } else merged.push([...range]);
  }
  return merged;
}

function clipRanges(ranges: Array<[number, number]>, length: number): Array<[number, number]> {
  return ranges.filter(([start]) => start < length).map(([start, end]) => [start, Math.min(end, length)]);
}

/** Plain text cut to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = wellFormed(text).replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  return flat.slice(0, safeCut(flat, max - 1)).trimEnd() + "…";
}

/** "٢٣ أغسطس ٢٠٢٤" for an ISO date; anything else is shown as written. */
export function formatDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return isolateLatin(value);
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isolateLatin(value);
  return new Intl.DateTimeFormat("ar-u-nu-arab", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

const field = (label: string, value: string) => `${label}: ${value}`;
const plain = (value: string) => escapeHtml(isolateLatin(value));

/** Articles per page of /sources and /about: both stay far below 4096 characters. */
export const SOURCES_PER_PAGE = 20;
export const ABOUT_PER_PAGE = 5;

export interface Page {
  html: string;
  page: number;
  pages: number;
}

/** Page `page` (0-based, clamped) of `items`, with "page n of m" when there is more than one. */
function paged<T>(items: readonly T[], perPage: number, page: number, render: (item: T, index: number) => string, intro: string, separator: string): Page {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(Math.max(0, page), pages - 1);
  const from = current * perPage;
  const blocks = items.slice(from, from + perPage).map((item, i) => render(item, from + i));
  const footer = pages > 1 ? [texts.pageOf(current + 1, pages)] : [];
  return { html: fit([intro, ...blocks, ...footer].join(separator)), page: current, pages };
}

/** /about: the bot's promise, then each source with its original article, author and date. */
export function formatAbout(documents: readonly KnowledgeDocument[], page = 0): Page {
  return paged(documents, ABOUT_PER_PAGE, page, ({ meta }) => {
    const lines = [`<b>${texts.articleLabel}:</b> «${titleHtml(meta)}»`, field(texts.publisherLabel, plain(meta.publisher))];
    if (meta.author) lines.push(field(texts.authorLabel, plain(meta.author)));
    if (meta.published) lines.push(field(texts.publishedLabel, escapeHtml(formatDate(meta.published))));
    const original = meta.original;
    if (original) {
      let line = `<b>${texts.originalLabel}:</b> «${plain(original.title)}» — ${plain(original.publisher)}`;
      if (original.author) line += `، ${texts.authorLabel} ${plain(original.author)}`;
      if (original.published) line += `، ${texts.publishedLabel} ${escapeHtml(formatDate(original.published))}`;
      lines.push(line);
    }
    return lines.join("\n");
  }, texts.aboutIntro, "\n\n");
}

/** /sources: one numbered line per document. */
export function formatSources(documents: readonly KnowledgeDocument[], page = 0): Page {
  return paged(
    documents,
    SOURCES_PER_PAGE,
    page,
    ({ meta }, i) => `${arabicDigits(i + 1)}. «${titleHtml(meta)}» — ${plain(meta.publisher)}`,
    texts.sourcesIntro,
    "\n",
  );
}

function titleHtml(meta: Pick<DocumentMeta, "title" | "url">): string {
  const title = plain(meta.title);
  return meta.url ? `<a href="${escapeHtml(meta.url)}">${title}</a>` : title;
}

/** A page of very long titles could still grow past the limit: cut between lines. */
function fit(html: string): string {
  if (html.length <= MAX_MESSAGE_LENGTH) return html;
  const cut = html.lastIndexOf("\n", MAX_MESSAGE_LENGTH - 2);
  return cut > 0 ? html.slice(0, cut) + "\n…" : "…";
}
