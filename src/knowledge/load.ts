// knowledge/ → documents. One Markdown file per article: YAML front matter, then
// paragraphs separated by blank lines; Markdown formatting becomes plain text. An optional
// aliases.yaml holds the alias table. Files starting with "." (Finder's ._x.md, editors'
// .#x.md) are not articles. Anything wrong fails loudly, naming the file, the line and what
// to fix; what is accepted but looks wrong (a date not YYYY-MM-DD) becomes a warning.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { AliasGroup, DocumentMeta, KnowledgeBase, KnowledgeDocument, KnowledgeWarning } from "../types.ts";
import { leadingTitle, markdownToPlain } from "./markdown.ts";

export class KnowledgeError extends Error {
  override name = "KnowledgeError";
}

const ALIAS_FILES = ["aliases.yaml", "aliases.yml", "aliases.json"];
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** A date as the citation shows it; anything else is shown as written, with a warning. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The articles of a knowledge folder: its .md files, hidden ones left out. */
export function articleFiles(root: string): string[] {
  return readdirSync(root)
    .filter((name) => !name.startsWith(".") && name.endsWith(".md"))
    .sort();
}

export function loadKnowledge(dir: string): KnowledgeBase {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new KnowledgeError(`Knowledge folder ${root} does not exist. Set KNOWLEDGE_DIR or create it with one .md file per article.`);
  }
  const files = articleFiles(root);
  if (files.length === 0) {
    throw new KnowledgeError(`Knowledge folder ${root} holds no .md files. Add one Markdown file per article (see README, "Adding an article").`);
  }
  const seen = new Map<string, string>();
  const warnings: KnowledgeWarning[] = [];
  const documents = files.map((name) => {
    const file = join(root, name);
    const doc = parseDocument(file, readUtf8(file), warnings);
    const key = doc.id.toLowerCase();
    const other = seen.get(key);
    if (other) throw new KnowledgeError(`${file}: duplicate document id "${doc.id}" (also ${other}). Rename one of the files.`);
    seen.set(key, file);
    return doc;
  });
  return { dir: root, documents, aliases: loadAliases(root), warnings };
}

export function readUtf8(file: string): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
    return text.replace(/^\uFEFF/, "");
  } catch (error) {
    if (error instanceof TypeError) throw new KnowledgeError(`${file}: not valid UTF-8. Save the file as UTF-8.`);
    throw new KnowledgeError(`${file}: cannot be read (${(error as Error).message}).`);
  }
}

/** One article file's text → its document; `warnings` collects what to fix but is accepted. */
export function parseDocument(file: string, text: string, warnings: KnowledgeWarning[] = []): KnowledgeDocument {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new KnowledgeError(`${file}: no front matter. Start the file with a "---" line, the YAML fields (title, publisher, language…), then "---".`);
  const data = parseFrontMatter(file, match[1]!);
  const { title, rest } = leadingTitle(text.slice(match[0].length));
  if (title && isRecord(data) && (data.title === undefined || data.title === null)) data.title = title;
  const meta = validateMeta(file, data, warnings);
  const paragraphs = markdownToPlain(rest)
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) throw new KnowledgeError(`${file}: no body. Put the article's paragraphs after the front matter, separated by blank lines.`);
  return { id: basename(file, ".md"), file, meta, paragraphs };
}

/** The front matter's YAML; errors name the line in the file (the front matter starts on line 2). */
function parseFrontMatter(file: string, yaml: string): unknown {
  try {
    return parseYaml(yaml);
  } catch (error) {
    const yamlLine = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    const where = yamlLine === undefined ? "" : `:${yamlLine + 1}`;
    const reason = (error as Error).message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new KnowledgeError(`${file}${where}: bad front matter: ${reason}.${colonAdvice(yaml, yamlLine)}`);
  }
}

/** `title: Meta: the story` is a YAML error; the fix is quotes around the value. */
function colonAdvice(yaml: string, line: number | undefined): string {
  const lines = yaml.split(/\r?\n/);
  const suspects = line === undefined ? lines : [lines[line - 1] ?? ""];
  for (const text of suspects) {
    const match = /^(\s*[\w.-]+):[ \t]+([^"'\s[{|>].*)$/.exec(text);
    if (match && /:(\s|$)/.test(match[2]!)) {
      const value = match[2]!.trim().replace(/\\/g, "\\\\").replace(/"/g, '\\"');
      return ` The value of "${match[1]!.trim()}" holds a colon: put it in quotes, e.g. ${match[1]!.trim()}: "${value}"`;
    }
  }
  return "";
}

function validateMeta(file: string, data: unknown, warnings: KnowledgeWarning[]): DocumentMeta {
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
  checkDate(file, "published", meta.published, warnings);
  if (meta.url && !/^https?:\/\/\S+$/.test(meta.url)) throw new KnowledgeError(`${file}: front matter "url" must be an http(s) address.`);
  if (data.original !== undefined) {
    if (!isRecord(data.original)) throw new KnowledgeError(`${file}: front matter "original" must hold title, publisher, author, published.`);
    const original = data.original;
    meta.original = { title: required(original, "title", "original."), publisher: required(original, "publisher", "original.") };
    const author = field(original, "author", "original.");
    const published = field(original, "published", "original.");
    if (author) meta.original.author = author;
    if (published) meta.original.published = published;
    checkDate(file, "original.published", published, warnings);
  }
  if (data.examples !== undefined) {
    if (!Array.isArray(data.examples) || !data.examples.every((e) => typeof e === "string")) {
      throw new KnowledgeError(`${file}: front matter "examples" must be a list of questions.`);
    }
    meta.examples = data.examples.map((e) => e.trim()).filter(Boolean);
  }
  return meta;
}

/**
 * A date not YYYY-MM-DD is a warning, not an error: it is only shown in the citation, and
 * refusing the article over it would stop the bot answering from it. `npm run check --
 * --strict` makes warnings fail, for operators who want that in CI.
 */
function checkDate(file: string, key: string, value: string | undefined, warnings: KnowledgeWarning[]): void {
  if (value === undefined) return;
  const match = ISO_DATE.exec(value);
  const date = match && new Date(`${value}T00:00:00Z`);
  if (date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return;
  warnings.push({ file, message: `"${key}: ${value}" is not a date as YYYY-MM-DD (e.g. 2025-03-12); it is shown as written.` });
}

/** The alias table's file in a knowledge folder, if it has one. */
export function aliasFile(root: string): string | undefined {
  const name = ALIAS_FILES.find((candidate) => existsSync(join(root, candidate)));
  return name && join(resolve(root), name);
}

function loadAliases(root: string): AliasGroup[] {
  const file = aliasFile(root);
  if (!file) return [];
  let data: unknown;
  try {
    data = parseYaml(readUtf8(file)); // YAML is a superset of JSON
  } catch (error) {
    if (error instanceof KnowledgeError) throw error;
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new KnowledgeError(`${file}${line === undefined ? "" : `:${line}`}: bad alias table: ${(error as Error).message.split("\n")[0]}`);
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
