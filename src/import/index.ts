// One importer for the CLI (`npm run add`) and admin uploads: a source → extracted article →
// saved file. The kind of source is told by its address or its file name's ending.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { fetchArticle } from "./fetch.ts";
import { extractHtml } from "./html.ts";
import { extractMarkdown, extractText } from "./text.ts";
import { ImportError, type ImportFlags, saveArticle, type SavedArticle } from "./save.ts";
import type { ImportedArticle } from "./types.ts";

export { ImportError, type ImportFlags, type SavedArticle } from "./save.ts";

export const IMPORTABLE_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm"];

export interface ImportResult extends SavedArticle {
  dropped: string[];
}

export function isWebAddress(source: string): boolean {
  return /^https?:\/\/\S+$/i.test(source);
}

/** Throws, saying what can be imported, unless the file's ending is one of ours. */
export function checkImportable(name: string): void {
  const extension = extname(name).toLowerCase();
  if (!IMPORTABLE_EXTENSIONS.includes(extension)) {
    throw new ImportError(`${name}: cannot import ${extension || "a file without an ending"}; use a .txt, .md or .html file, or an http(s) address.`);
  }
}

/** A file's text by its name's ending. */
export function extractFile(name: string, text: string): ImportedArticle {
  checkImportable(name);
  const extension = extname(name).toLowerCase();
  if (extension === ".txt") return extractText(text);
  if (extension === ".html" || extension === ".htm") return extractHtml(text);
  return extractMarkdown(text);
}

export async function importSource(source: string, knowledgeDir: string, flags: ImportFlags = {}): Promise<ImportResult> {
  let imported: ImportedArticle;
  if (isWebAddress(source)) imported = await fetchArticle(source);
  else {
    checkImportable(source);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(source));
    } catch (error) {
      throw new ImportError(error instanceof TypeError ? `${source}: not valid UTF-8; save it as UTF-8.` : `${source}: cannot be read (${(error as Error).message}).`);
    }
    imported = extractFile(source, text);
  }
  return { ...saveArticle(knowledgeDir, imported, flags, source), dropped: imported.dropped };
}
