// A saved or fetched web page → the article's paragraphs and details. Readability finds the
// main text; before it, the parts every news site wraps around it (menus, share buttons,
// subscribe boxes, related posts, comments, footers) are removed by what they are, so
// Readability cannot mistake a long comment thread for the article. Everything left out is
// reported, so the operator sees what was dropped.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { isChromeLine } from "./chrome.ts";
import type { ImportedArticle } from "./types.ts";

/** What a page's chrome is made of, by element, WordPress/Jetpack class and ARIA role. */
const CHROME_SELECTORS = [
  "script", "style", "noscript", "template", "iframe", "svg", "form",
  "nav", "header:not(article header)", "footer", "aside", "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]",
  ".sharedaddy", ".share", ".sharing", ".social", "[class*=share-]", "[class*=social-]",
  "[class*=subscribe]", "[class*=subscription]", "[class*=newsletter]",
  ".related", "[class*=relatedposts]", "[class*=related-posts]", ".yarpp-related",
  "#comments", ".comments", ".comments-area", ".comment-respond", ".comment-list",
  ".widget", ".widget-area", ".sidebar", ".post-navigation", ".breadcrumbs", ".screen-reader-text", ".skip-link",
];

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, figcaption";

export function extractHtml(html: string, pageUrl?: string): ImportedArticle {
  const { document } = parseHTML(html);
  const meta = pageMeta(document, pageUrl);
  const dropped: string[] = [];

  // One selector at a time: linkedom does not return a selector list in document order.
  for (const element of CHROME_SELECTORS.flatMap((selector) => [...document.querySelectorAll(selector)])) {
    if (!element.isConnected) continue; // inside chrome removed already
    // A theme may put "share" or "subscribe" in the class of a wrapper holding the article itself.
    if (/^(?:html|body|main|article)$/i.test(element.tagName) || element.querySelector("main, h1")) continue;
    const text = clean(element.textContent ?? "");
    if (text && !/^(?:script|style|noscript|template|svg)$/i.test(element.tagName)) dropped.push(`${describe(element)}: ${preview(text)}`);
    element.remove();
  }
  const candidates = [...document.querySelectorAll(BLOCKS)].map((el) => clean(el.textContent ?? "")).filter(Boolean);

  // Readability reads and changes the document; it gets its own parse of what is left.
  const article = new Readability(parseHTML(document.toString()).document as unknown as Document, { charThreshold: 100 }).parse();
  const paragraphs: string[] = [];
  const chromeLines = new Set<string>();
  const chromeLine = (text: string) => {
    chromeLines.add(text);
    dropped.push(`line: ${preview(text)}`);
  };
  if (article?.content) {
    const { document: content } = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`);
    // Leaf blocks only: an <li> holding <p>s is read through its paragraphs.
    for (const block of content.querySelectorAll(BLOCKS)) {
      if (block.querySelector(BLOCKS)) continue;
      const text = clean(block.textContent ?? "");
      if (!text) continue;
      if (isChromeLine(text)) chromeLine(text);
      else paragraphs.push(text);
    }
  }
  // A page too short for Readability's scoring: its remaining blocks are the article.
  if (paragraphs.length === 0) {
    for (const text of candidates) {
      if (isChromeLine(text)) chromeLine(text);
      else paragraphs.push(text);
    }
  }
  const title = meta.title ?? (article?.title ? clean(article.title) : undefined);
  // A heading repeating the title is not paragraph 1.
  if (title && paragraphs[0] === title) paragraphs.shift();

  const kept = new Set(paragraphs);
  for (const text of candidates) {
    if (!kept.has(text) && !chromeLines.has(text) && text !== title && !paragraphs.some((p) => p.includes(text))) dropped.push(`left out: ${preview(text)}`);
  }
  return {
    meta: { ...meta, ...(title && { title }), ...(!meta.publisher && article?.siteName && { publisher: clean(article.siteName) }) },
    paragraphs,
    dropped,
  };
}

type Meta = ImportedArticle["meta"];

/** og:*, article:*, author, canonical and JSON-LD NewsArticle; the first found wins, in that order. */
function pageMeta(document: ReturnType<typeof parseHTML>["document"], pageUrl?: string): Meta {
  const property = (name: string) =>
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content")?.trim() || undefined;
  const ld = newsArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim();
  const meta: Meta = {};
  const title = property("og:title") ?? ld?.headline ?? (clean(document.querySelector("title")?.textContent ?? "") || undefined);
  const publisher = property("og:site_name") ?? ld?.publisher;
  const author = property("author") ?? property("article:author") ?? ld?.author;
  const published = toDate(property("article:published_time") ?? ld?.datePublished);
  const url = absolute(canonical ?? property("og:url") ?? ld?.url, pageUrl) ?? pageUrl;
  if (title) meta.title = clean(title);
  if (publisher) meta.publisher = clean(publisher);
  if (author && !/^https?:/.test(author)) meta.author = clean(author);
  if (published) meta.published = published;
  if (url && /^https?:\/\//.test(url)) meta.url = url;
  return meta;
}

interface LdArticle {
  headline?: string;
  publisher?: string;
  author?: string;
  datePublished?: string;
  url?: string;
}

function newsArticle(document: ReturnType<typeof parseHTML>["document"]): LdArticle | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // a broken JSON-LD block is the site's problem; the other sources remain
    }
    const nodes = flatten(data);
    const found = nodes.find((node) => /(?:News|Blog)?Article|Report/.test(String(node["@type"] ?? "")));
    if (!found) continue;
    const name = (value: unknown): string | undefined => {
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === "string") return first;
      if (first && typeof first === "object" && typeof (first as { name?: unknown }).name === "string") return (first as { name: string }).name;
      return undefined;
    };
    return {
      headline: name(found.headline),
      publisher: name(found.publisher),
      author: name(found.author),
      datePublished: name(found.datePublished),
      url: name(found.mainEntityOfPage) ?? name(found.url),
    };
  }
  return undefined;
}

function flatten(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (!data || typeof data !== "object") return [];
  const record = data as Record<string, unknown>;
  return [record, ...flatten(record["@graph"])];
}

/** 2024-08-23T18:42:10+00:00 → 2024-08-23 (the date as written on the page, not shifted to UTC). */
function toDate(value: string | undefined): string | undefined {
  return value?.match(/^(\d{4}-\d{2}-\d{2})/)?.[1];
}

function absolute(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).toString();
  } catch {
    return undefined;
  }
}

function describe(element: { tagName: string; id?: string; className?: string }): string {
  const tag = element.tagName.toLowerCase();
  if (element.id) return `${tag}#${element.id}`;
  const first = String(element.className ?? "").trim().split(/\s+/)[0];
  return first ? `${tag}.${first}` : tag;
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function preview(text: string): string {
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
}
