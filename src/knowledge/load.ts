// knowledge/ → documents. One Markdown file per article: YAML front matter, then
// paragraphs separated by blank lines. An optional aliases.yaml holds the alias table.
// Anything wrong fails loudly, naming the file and what to fix.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { AliasGroup, DocumentMeta, KnowledgeBase, KnowledgeDocument } from "../types.ts";

export class KnowledgeError extends Error {
  override name = "KnowledgeError";
}

const ALIAS_FILES = ["aliases.yaml", "aliases.yml", "aliases.json"];
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function loadKnowledge(dir: string): KnowledgeBase {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new KnowledgeError(`Knowledge folder ${root} does not exist. Set KNOWLEDGE_DIR or create it with one .md file per article.`);
  }
  const files = readdirSync(root).filter((name) => name.endsWith(".md")).sort();
  if (files.length === 0) {
    throw new KnowledgeError(`Knowledge folder ${root} holds no .md files. Add one Markdown file per article (see README, "Adding an article").`);
  }
  const seen = new Map<string, string>();
  const documents = files.map((name) => {
    const file = join(root, name);
    const doc = parseDocument(file, readUtf8(file));
    const key = doc.id.toLowerCase();
    const other = seen.get(key);
    if (other) throw new KnowledgeError(`${file}: duplicate document id "${doc.id}" (also ${other}). Rename one of the files.`);
    seen.set(key, file);
    return doc;
  });
  return { dir: root, documents, aliases: loadAliases(root) };
}

function readUtf8(file: string): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
    return text.replace(/^\uFEFF/, "");
  } catch (error) {
    if (error instanceof TypeError) throw new KnowledgeError(`${file}: not valid UTF-8. Save the file as UTF-8.`);
    throw new KnowledgeError(`${file}: cannot be read (${(error as Error).message}).`);
  }
}

export function parseDocument(file: string, text: string): KnowledgeDocument {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new KnowledgeError(`${file}: no front matter. Start the file with a "---" line, the YAML fields (title, publisher, language…), then "---".`);
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    throw new KnowledgeError(`${file}: bad front matter: ${(error as Error).message.split("\n")[0]}`);
  }
  const meta = validateMeta(file, data);
  const paragraphs = text
    .slice(match[0].length)
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) throw new KnowledgeError(`${file}: no body. Put the article's paragraphs after the front matter, separated by blank lines.`);
  return { id: basename(file, ".md"), file, meta, paragraphs };
}

function validateMeta(file: string, data: unknown): DocumentMeta {
  if (!isRecord(data)) throw new KnowledgeError(`${file}: bad front matter: expected YAML fields such as "title: …".`);
  const field = (record: Record<string, unknown>, key: string, where = "") => {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string" && typeof value !== "number") {
      throw new KnowledgeError(`${file}: front matter field "${where}${key}" must be text.`);
    }
    return String(value).trim() || undefined;
  };
  const required = (record: Record<string, unknown>, key: string, where = "") => {
    const value = field(record, key, where);
    if (!value) throw new KnowledgeError(`${file}: front matter lacks "${where}${key}".`);
    return value;
  };
  const meta: DocumentMeta = {
    title: required(data, "title"),
    publisher: required(data, "publisher"),
    language: field(data, "language") ?? "ar",
  };
  for (const key of ["url", "author", "published"] as const) {
    const value = field(data, key);
    if (value) meta[key] = value;
  }
  if (meta.url && !/^https?:\/\/\S+$/.test(meta.url)) throw new KnowledgeError(`${file}: front matter "url" must be an http(s) address.`);
  if (data.original !== undefined) {
    if (!isRecord(data.original)) throw new KnowledgeError(`${file}: front matter "original" must hold title, publisher, author, published.`);
    const original = data.original;
    meta.original = { title: required(original, "title", "original."), publisher: required(original, "publisher", "original.") };
    const author = field(original, "author", "original.");
    const published = field(original, "published", "original.");
    if (author) meta.original.author = author;
    if (published) meta.original.published = published;
  }
  if (data.examples !== undefined) {
    if (!Array.isArray(data.examples) || !data.examples.every((e) => typeof e === "string")) {
      throw new KnowledgeError(`${file}: front matter "examples" must be a list of questions.`);
    }
    meta.examples = data.examples.map((e) => e.trim()).filter(Boolean);
  }
  return meta;
}

function loadAliases(root: string): AliasGroup[] {
  const name = ALIAS_FILES.find((candidate) => existsSync(join(root, candidate)));
  if (!name) return [];
  const file = join(root, name);
  let data: unknown;
  try {
    data = parseYaml(readUtf8(file)); // YAML is a superset of JSON
  } catch (error) {
    if (error instanceof KnowledgeError) throw error;
    throw new KnowledgeError(`${file}: bad alias table: ${(error as Error).message.split("\n")[0]}`);
  }
  if (data === null) return [];
  if (!Array.isArray(data)) throw new KnowledgeError(`${file}: the alias table must be a list of { canonical, spellings }.`);
  return data.map((entry, i) => {
    const ok =
      isRecord(entry) &&
      typeof entry.canonical === "string" &&
      entry.canonical.trim() !== "" &&
      Array.isArray(entry.spellings) &&
      entry.spellings.every((s) => typeof s === "string" || typeof s === "number");
    if (!ok) throw new KnowledgeError(`${file}: entry ${i + 1} must have "canonical" (text) and "spellings" (a list).`);
    return { canonical: String(entry.canonical).trim(), spellings: (entry.spellings as unknown[]).map(String) };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
