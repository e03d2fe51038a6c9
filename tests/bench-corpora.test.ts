// The benchmark's synthetic corpora and typo questions are deterministic, and the
// archives hold no two identical passages. (No timings here: those are `npm run bench`.)
import { describe, expect, it } from "vitest";
import { archiveKnowledge, rng, seedOf, syntheticPassages, withTypo, xquadPassages, xquadQueries } from "../bench/corpora.ts";

const source = xquadPassages();
const SIZE = 3 * source.length + 17; // several copies of each passage, and a partial one
const words = (text: string) => text.trim().split(/\s+/).sort();

describe("synthetic archives", () => {
  const passages = syntheticPassages(source, SIZE);

  it("are the same on every run", () => {
    expect(syntheticPassages(source, SIZE)).toEqual(passages);
    // A smaller archive is the start of a larger one.
    expect(syntheticPassages(source, 500)).toEqual(passages.slice(0, 500));
  });

  it("have unique ids and no two identical passages, none identical to its source", () => {
    expect(passages).toHaveLength(SIZE);
    expect(new Set(passages.map((p) => p.id)).size).toBe(SIZE);
    expect(new Set(passages.map((p) => p.text)).size).toBe(SIZE);
    const texts = new Set(source.map((p) => p.text.trim()));
    expect(passages.filter((p) => texts.has(p.text))).toEqual([]);
  });

  it("only reorder a few words of the passage they copy", () => {
    passages.forEach((p, i) => {
      const base = source[i % source.length]!;
      expect(p.id).toBe(`${base.id}~${Math.floor(i / source.length)}`);
      expect(words(p.text)).toEqual(words(base.text));
      const original = base.text.trim().split(/\s+/);
      const moved = p.text.split(" ").filter((word, k) => word !== original[k]).length;
      expect(moved).toBeLessThanOrEqual(Math.ceil(original.length / 4));
    });
  });

  it("keep passages apart even for the shortest passage copied many times", () => {
    const shortest = source.reduce((a, b) => (a.text.length <= b.text.length ? a : b));
    const copies = syntheticPassages([shortest], 400);
    expect(new Set(copies.map((p) => p.text)).size).toBe(400);
  });

  it("become knowledge documents of 5 paragraphs, in order", () => {
    const knowledge = archiveKnowledge(passages);
    expect(knowledge.documents.flatMap((d) => d.paragraphs)).toEqual(passages.map((p) => p.text));
    expect(knowledge.documents.every((d) => d.paragraphs.length <= 5)).toBe(true);
    expect(new Set(knowledge.documents.map((d) => d.id)).size).toBe(knowledge.documents.length);
  });
});

describe("typo questions", () => {
  it("are the XQuAD questions, then each with one seeded typo, the same on every run", () => {
    const queries = xquadQueries();
    expect(xquadQueries()).toEqual(queries);
    const plain = queries.filter((q) => !q.typo);
    const typos = queries.filter((q) => q.typo);
    expect(typos).toHaveLength(plain.length);
    const changed = typos.filter((q, i) => q.text !== plain[i]!.text).length;
    expect(changed / typos.length).toBeGreaterThan(0.95);
  });

  it("change one word by one edit", () => {
    const question = "كم عدد الاستحواذات التي قام بها جاريد ألين في مسيرته؟";
    for (let seed = 0; seed < 50; seed++) {
      const typo = withTypo(question, rng(seedOf(String(seed))));
      const before = question.split(" ");
      const after = typo.split(" ");
      expect(after).toHaveLength(before.length);
      const differing = before.filter((word, i) => word !== after[i]);
      expect(differing).toHaveLength(1);
      const i = before.indexOf(differing[0]!);
      expect(Math.abs(after[i]!.length - before[i]!.length)).toBeLessThanOrEqual(1);
    }
  });
});
