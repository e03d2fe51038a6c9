// Plain text and Markdown sources → paragraphs and the details they carry.
import { parse as parseYaml } from "yaml";
import { leadingTitle, markdownToPlain } from "../knowledge/markdown.ts";
import { dropTrailingChrome } from "./chrome.ts";
import type { ImportedArticle } from "./types.ts";

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Paragraphs separated by blank lines; a text with no blank line at all has one paragraph
 * per line (what copying a page's text gives).
 */
export function extractText(text: string): ImportedArticle {
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").trim();
  const separator = /\n[ \t]*\n/.test(body) ? /\n[ \t]*\n+/ : /\n/;
  const pieces = body.split(separator).map((p) => p.replace(/[ \t]+\n/g, "\n").trim()).filter(Boolean);
  const { kept, dropped } = dropTrailingChrome(pieces);
  return { meta: {}, paragraphs: kept, dropped: dropped.map((line) => `line: ${line}`) };
}

/** Front matter when there is one (its fields are kept), a leading # heading as the title. */
export function extractMarkdown(text: string): ImportedArticle {
  const source = text.replace(/^\uFEFF/, "");
  const match = FRONT_MATTER.exec(source);
  const data = match ? parseYaml(match[1]!) : undefined;
  const { title, rest } = leadingTitle(match ? source.slice(match[0].length) : source);
  const imported = extractText(markdownToPlain(rest));
  const meta: ImportedArticle["meta"] = {};
  if (title) meta.title = title;
  if (data && typeof data === "object") {
    for (const key of ["title", "publisher", "author", "published", "url"] as const) {
      const value = (data as Record<string, unknown>)[key];
      if (typeof value === "string" || typeof value === "number") meta[key] = String(value).trim();
    }
    // Passed on as written: saving reads the file back with the loader's rules, which check them.
    const { original, examples } = data as Pick<ImportedArticle["meta"], "original" | "examples">;
    if (original) meta.original = original;
    if (examples) meta.examples = examples;
  }
  return { ...imported, meta };
}
