// The corpora and queries of the benchmark, all deterministic:
// - the article (knowledge/), XQuAD-ar (240 passages);
// - synthetic archives of N passages: the XQuAD passages repeated, each copy with a
//   unique id and a few seeded swaps of adjacent words, so no two are identical;
// - the XQuAD-ar questions, and the same questions with one seeded typo each.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readJsonLines, xquadKnowledge, type XquadPassage, type XquadQuestion } from "../src/eval/evaluate.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import type { KnowledgeBase, KnowledgeDocument } from "../src/types.ts";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** XQuAD-ar, the copy vendored for the tests (the same files as `../shared/data/xquad-ar`), so a clone alone runs them. */
export const XQUAD_DIR = resolve(PROJECT_ROOT, "tests/data/xquad-ar");
export const ARTICLE_DIR = join(PROJECT_ROOT, "knowledge");
/** Synthetic archives written as knowledge folders, for the start-up measurements (gitignored). */
export const CACHE_DIR = join(PROJECT_ROOT, ".cache", "bench");

/** XQuAD articles have 5 paragraphs each; an archive document is one copy of one article. */
export const PARAGRAPHS_PER_DOCUMENT = 5;
const GENERATOR_VERSION = 1;

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a string (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---------------------------------------------------------------------------
// Synthetic archives
// ---------------------------------------------------------------------------

export interface Passage {
  id: string;
  title: string;
  text: string;
}

/** Swaps `swaps` random pairs of adjacent words (whitespace-separated, punctuation travels with its word). */
export function shuffleWords(text: string, random: () => number, swaps: number): string {
  const words = text.trim().split(/\s+/);
  if (words.length < 2) return words.join(" ");
  for (let s = 0; s < swaps; s++) {
    const i = Math.floor(random() * (words.length - 1));
    [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
  }
  return words.join(" ");
}

/**
 * `size` passages: passage i is copy ⌊i / 240⌋ of XQuAD passage i mod 240, its words
 * lightly shuffled (about one swap per 20 words) with a seed of its own. A text that
 * happens to equal one already made is shuffled again with the next seed (and, after
 * two tries, one more swap per two tries).
 */
export function syntheticPassages(source: Passage[], size: number): Passage[] {
  const out: Passage[] = [];
  const seen = new Set<string>(source.map((p) => p.text.trim()));
  for (let i = 0; i < size; i++) {
    const base = source[i % source.length]!;
    const copy = Math.floor(i / source.length);
    const words = base.text.trim().split(/\s+/).length;
    let text = "";
    for (let attempt = 0; ; attempt++) {
      const random = rng(seedOf(`${base.id}~${copy}~${attempt}`));
      // Short passages run out of one-swap variants: swap more when a text repeats.
      text = shuffleWords(base.text, random, Math.max(1, Math.round(words / 20)) + Math.floor(attempt / 2));
      if (!seen.has(text)) break;
    }
    seen.add(text);
    out.push({ id: `${base.id}~${copy}`, title: base.title, text });
  }
  return out;
}

export function xquadPassages(): Passage[] {
  return readJsonLines<XquadPassage>(join(XQUAD_DIR, "passages.jsonl"));
}

/** Consecutive passages, PARAGRAPHS_PER_DOCUMENT to a document (one copy of one XQuAD article). */
export function archiveKnowledge(passages: Passage[], dir = "(synthetic)"): KnowledgeBase {
  const documents: KnowledgeDocument[] = [];
  for (let i = 0; i < passages.length; i += PARAGRAPHS_PER_DOCUMENT) {
    const group = passages.slice(i, i + PARAGRAPHS_PER_DOCUMENT);
    const id = documentId(i / PARAGRAPHS_PER_DOCUMENT);
    documents.push({
      id,
      file: join(dir, `${id}.md`),
      meta: { title: group[0]!.title.replace(/_/g, " "), publisher: "Wikipedia (XQuAD, synthetic copy)", language: "ar" },
      paragraphs: group.map((p) => p.text),
    });
  }
  return { dir, documents, aliases: [] };
}

const documentId = (n: number) => `archive-${String(n).padStart(6, "0")}`;

/**
 * Writes the archive of `size` passages as a knowledge folder (one .md file per
 * document, the format `loadKnowledge` reads) under .cache/bench/, unless the same
 * generator already wrote it. Returns the folder.
 */
export function writeArchive(size: number, passages?: Passage[]): string {
  const dir = join(CACHE_DIR, `archive-${size}`);
  const stamp = join(dir, ".complete");
  const want = `v${GENERATOR_VERSION} ${size} ${sourceHash()}`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const knowledge = archiveKnowledge(passages ?? syntheticPassages(xquadPassages(), size), dir);
  for (const doc of knowledge.documents) {
    const front = `---\ntitle: ${JSON.stringify(doc.meta.title)}\npublisher: ${JSON.stringify(doc.meta.publisher)}\nlanguage: ar\n---\n\n`;
    writeFileSync(doc.file, front + doc.paragraphs.join("\n\n") + "\n");
  }
  writeFileSync(stamp, want);
  return dir;
}

let sourceDigest: string | undefined;
function sourceHash(): string {
  sourceDigest ??= createHash("sha256").update(readFileSync(join(XQUAD_DIR, "passages.jsonl"))).digest("hex").slice(0, 16);
  return sourceDigest;
}

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

export interface Query {
  id: string;
  text: string;
  /** The XQuAD passage the question was written on. */
  gold: string;
  typo: boolean;
}

const ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

/** One seeded edit (substitution, deletion, insertion or swap of adjacent letters) in one word of 4+ letters. */
export function withTypo(question: string, random: () => number): string {
  const words = [...question.matchAll(/[\u0621-\u064A]{4,}/g)];
  if (words.length === 0) return question;
  const word = words[Math.floor(random() * words.length)]!;
  const w = word[0];
  const at = 1 + Math.floor(random() * (w.length - 2)); // never the first or last letter
  const letter = () => {
    const pick = ARABIC_LETTERS[Math.floor(random() * ARABIC_LETTERS.length)]!;
    return pick !== w[at] ? pick : pick === "ز" ? "ر" : "ز";
  };
  let typo: string;
  switch (Math.floor(random() * 4)) {
    case 0: typo = w.slice(0, at) + letter() + w.slice(at + 1); break;
    case 1: typo = w.slice(0, at) + w.slice(at + 1); break;
    case 2: typo = w.slice(0, at) + letter() + w.slice(at); break;
    default: typo = w[at] === w[at + 1] ? w.slice(0, at) + letter() + w.slice(at + 1) : w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  }
  return question.slice(0, word.index) + typo + question.slice(word.index + w.length);
}

/** The XQuAD-ar questions, then the same questions with one seeded typo each. */
export function xquadQueries(): Query[] {
  const questions = readJsonLines<XquadQuestion>(join(XQUAD_DIR, "questions.jsonl"));
  const plain = questions.map((q) => ({ id: q.id, text: q.question, gold: q.gold, typo: false }));
  const typos = questions.map((q) => ({ id: `${q.id}~typo`, text: withTypo(q.question, rng(seedOf(q.id))), gold: q.gold, typo: true }));
  return [...plain, ...typos];
}

// ---------------------------------------------------------------------------
// The corpora of one benchmark run
// ---------------------------------------------------------------------------

export interface Corpus {
  /** "article", "xquad-ar", "synthetic-10000"… */
  name: string;
  /** What the table shows. */
  label: string;
  knowledge: KnowledgeBase;
  /** Every paragraph of the knowledge, in knowledge order: what the baselines index. */
  passages: Passage[];
  /** Whether passage ids name XQuAD passages (before any "~copy"), so top-1 can be scored. */
  scored: boolean;
  /** How a start-up child process loads it (see startup-child.ts). */
  startup: { kind: "knowledge" | "xquad"; dir: string };
}

function passagesOf(knowledge: KnowledgeBase): Passage[] {
  return knowledge.documents.flatMap((doc) => doc.paragraphs.map((text, p) => ({ id: `${doc.id}#${p + 1}`, title: doc.meta.title, text })));
}

export function articleCorpus(): Corpus {
  const knowledge = loadKnowledge(ARTICLE_DIR);
  return { name: "article", label: "article (knowledge/)", knowledge, passages: passagesOf(knowledge), scored: false, startup: { kind: "knowledge", dir: ARTICLE_DIR } };
}

export function xquadCorpus(): Corpus {
  const { knowledge } = xquadKnowledge(XQUAD_DIR);
  const passages = knowledge.documents.map((doc) => ({ id: doc.id, title: doc.meta.title, text: doc.paragraphs[0]! }));
  return { name: "xquad-ar", label: "XQuAD-ar", knowledge, passages, scored: true, startup: { kind: "xquad", dir: XQUAD_DIR } };
}

/** A synthetic archive, also written to disk (once) for the start-up child. */
export function syntheticCorpus(size: number): Corpus {
  const passages = syntheticPassages(xquadPassages(), size);
  const dir = writeArchive(size, passages);
  return {
    name: `synthetic-${size}`,
    label: `synthetic ${size.toLocaleString("en-US")}`,
    knowledge: archiveKnowledge(passages, dir),
    passages,
    scored: true,
    startup: { kind: "knowledge", dir },
  };
}

/** The XQuAD passage a passage id stands for: "12-3~417" → "12-3". */
export const basePassageId = (id: string) => id.split("~")[0]!;
