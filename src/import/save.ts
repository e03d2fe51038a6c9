// An imported article → KNOWLEDGE_DIR/<id>.md, front matter written by the YAML library,
// then read back with the loader's own rules so what is saved is what the bot will load.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { stringify } from "yaml";
import { articleFiles, KnowledgeError, parseDocument } from "../knowledge/load.ts";
import { escapeMarkdown } from "../knowledge/markdown.ts";
import type { KnowledgeDocument, KnowledgeWarning } from "../types.ts";
import type { ImportedArticle } from "./types.ts";

export interface ImportFlags {
  title?: string;
  publisher?: string;
  author?: string;
  published?: string;
  url?: string;
  id?: string;
  /** Replace an article with the same id. */
  force?: boolean;
}

export interface SavedArticle {
  file: string;
  document: KnowledgeDocument;
  warnings: KnowledgeWarning[];
}

export class ImportError extends Error {
  override name = "ImportError";
}

/** Ids are file names and travel in buttons: lower-case Latin letters, digits and dashes. */
export const ID_SHAPE = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** `source` (a path or address) only suggests an id when none is given. */
export function saveArticle(knowledgeDir: string, imported: ImportedArticle, flags: ImportFlags, source?: string): SavedArticle {
  const given = Object.fromEntries(Object.entries(flags).filter(([key, value]) => key !== "id" && key !== "force" && value));
  const meta = { ...imported.meta, ...given };
  if (!meta.title) throw new ImportError('No title found: give one with --title "…".');
  if (!meta.publisher) throw new ImportError('No publisher found: give one with --publisher "…" (the site or newspaper).');
  if (imported.paragraphs.length === 0) throw new ImportError("No text found to import: is this the article's page or file?");
  const id = flags.id ?? suggestId(meta.url, source, meta.title);
  if (!ID_SHAPE.test(id)) throw new ImportError(`--id "${id}" must be lower-case Latin letters, digits and dashes, e.g. --id olive-harvest.`);

  const root = resolve(knowledgeDir);
  mkdirSync(root, { recursive: true });
  const file = join(root, `${id}.md`);
  const clash = articleFiles(root).find((name) => basename(name, ".md").toLowerCase() === id);
  if (clash && !flags.force) throw new ImportError(`${join(root, clash)} exists already: pass --force to replace it, or --id to save under another name.`);

  const frontMatter = {
    title: meta.title,
    publisher: meta.publisher,
    language: "ar",
    ...pick(meta, ["author", "published", "url", "original", "examples"]),
  };
  const text = `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${imported.paragraphs.map(escapeMarkdown).join("\n\n")}\n`;
  const warnings: KnowledgeWarning[] = [];
  let document: KnowledgeDocument;
  try {
    document = parseDocument(file, text, warnings);
  } catch (error) {
    if (error instanceof KnowledgeError) throw new ImportError(`The article would not load: ${error.message}`);
    throw error;
  }
  // Written whole, then renamed: a watching bot never reads half a file.
  const temporary = join(root, `.${id}.md.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  if (clash && clash !== `${id}.md`) renameSync(join(root, clash), file);
  renameSync(temporary, file);
  return { file, document, warnings };
}

/** The page's slug, else the file's name, else a Latin title; else a hash of the title. */
export function suggestId(url: string | undefined, source: string | undefined, title: string): string {
  const candidates: string[] = [];
  if (url) {
    const segments = new URL(url).pathname.split("/").filter(Boolean);
    const last = segments.at(-1);
    if (last) candidates.push(safeDecode(last).replace(/\.(?:html?|php|aspx?)$/i, ""));
  }
  if (source && !/^https?:\/\//i.test(source)) candidates.push(basename(source, extname(source)));
  candidates.push(title);
  for (const candidate of candidates) {
    const slug = candidate
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "");
    // An Arabic slug leaves little Latin: "2024" or "p" says nothing about the article.
    if (/[a-z]{3}/.test(slug)) return slug;
  }
  return `article-${createHash("sha256").update(title).digest("hex").slice(0, 8)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function pick<T extends object, K extends keyof T>(record: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => record[key]).map((key) => [key, record[key]])) as Partial<Pick<T, K>>;
}
