// What `npm run check` warns about, beyond what the loader refuses: things that load but
// will serve users badly. Pure: a built engine in, findings out.
import { join } from "node:path";
import { normalize } from "../text/normalize.ts";
import type { Engine, KnowledgeWarning } from "../types.ts";
import { aliasFile } from "./load.ts";

/** Word 3-grams shared by this share of two articles (Jaccard) make them near-duplicates. */
export const NEAR_DUPLICATE = 0.8;
const SHINGLE = 3;

export function checkKnowledge(engine: Engine): KnowledgeWarning[] {
  const { documents, aliases, dir } = engine.knowledge;
  const findings: KnowledgeWarning[] = [...(engine.knowledge.warnings ?? [])];
  const warn = (file: string, message: string) => findings.push({ file, message });

  for (const doc of documents) {
    if (doc.paragraphs.length === 1) warn(doc.file, "the article is a single paragraph: separate its paragraphs with blank lines, so quotes and «الفقرة كاملة» stay short.");
    const examples = doc.meta.examples ?? [];
    if (examples.length === 0) warn(doc.file, 'no "examples": add two or three questions it answers, for /start and the no-answer reply.');
    for (const example of examples) {
      const answer = engine.answer(example);
      const best = answer.results[0];
      if (!answer.answered || !best) warn(doc.file, `example "${example}" is not answered (confidence ${answer.confidence.toFixed(2)}): reword it with the article's own words.`);
      else if (best.documentId !== doc.id) warn(doc.file, `example "${example}" is answered from ${best.documentId}, not this article: make it more particular.`);
    }
  }

  const shingles = documents.map((doc) => shingleSet(doc.paragraphs.join("\n")));
  for (let i = 0; i < documents.length; i++) {
    for (let j = i + 1; j < documents.length; j++) {
      const a = shingles[i]!;
      const b = shingles[j]!;
      if (Math.min(a.size, b.size) / Math.max(a.size, b.size, 1) < NEAR_DUPLICATE) continue; // cannot reach the threshold
      const similarity = jaccard(a, b);
      if (similarity === 1) warn(documents[j]!.file, `duplicate of ${documents[i]!.file}: remove one of them.`);
      else if (similarity >= NEAR_DUPLICATE) {
        warn(documents[j]!.file, `near-duplicate of ${documents[i]!.file} (${Math.round(similarity * 100)}% the same text): keep one, or the bot quotes either.`);
      }
    }
  }

  const names = new Map<string, Set<string>>();
  for (const group of aliases) {
    for (const spelling of [group.canonical, ...group.spellings]) {
      const key = normalize(spelling).trim();
      if (!names.has(key)) names.set(key, new Set());
      names.get(key)!.add(group.canonical);
    }
  }
  for (const [spelling, canonicals] of names) {
    if (canonicals.size > 1) {
      warn(aliasFile(dir) ?? join(dir, "aliases.yaml"), `the spelling "${spelling}" belongs to ${[...canonicals].map((c) => `"${c}"`).join(" and ")}: keep it under one name.`);
    }
  }
  return findings;
}

function shingleSet(text: string): Set<string> {
  const words = normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(" "));
  if (set.size === 0 && words.length > 0) set.add(words.join(" "));
  return set;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
