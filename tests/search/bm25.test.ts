import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../src/search/bm25.ts";

// Four sentences in two paragraphs: [0, 1] and [2, 3].
const sentences = [["قانون", "سكوتر"], ["غرامه", "دينار", "سكوتر"], ["مباراه", "هدف"], ["هدف", "هدف", "حكم"]];
const index = new Bm25Index(sentences, [0, 0, 1, 1], undefined, (term) => term !== "سكوتر");
const id = (term: string) => index.termIds.get(term)!;
const q = (...terms: string[]) => terms.map((term) => ({ termId: id(term), weight: 1 }));

describe("Bm25Index", () => {
  it("scores as the BM25 formula says, over the sentence and (× paragraphWeight) its paragraph", () => {
    const { k1, b, paragraphWeight, paragraphB } = index.params;
    const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const part = (tf: number, length: number, average: number, bField: number) => (tf * (k1 + 1)) / (tf + k1 * (1 - bField + (bField * length) / average));
    // «هدف» twice in sentence 3 (3 words; sentences average 2.5), three times in paragraph 1 (5 words; paragraphs average 5).
    const expected = idf(4, 2) * part(2, 3, 2.5, b) + paragraphWeight * idf(2, 1) * part(3, 5, 5, paragraphB);
    const hit = index.search(q("هدف"), 10).find((h) => h.unit === 3)!;
    expect(hit.score).toBeCloseTo(expected, 5);
  });

  it("says what one term adds to a sentence's score, the search's sum term by term", () => {
    for (const unit of [0, 1, 2, 3]) {
      const query = q("هدف", "سكوتر", "حكم");
      const hit = index.search(query, 10).find((h) => h.unit === unit)!;
      const sum = query.reduce((total, { termId, weight }) => total + index.termScore(unit, termId, weight), 0);
      expect(sum).toBeCloseTo(hit.score, 5);
    }
    // A term neither the sentence nor its paragraph holds adds nothing; its paragraph's alone, the paragraph part.
    expect(index.termScore(0, id("هدف"), 1)).toBe(0);
    expect(index.termScore(2, id("حكم"), 1)).toBeGreaterThan(0);
  });

  it("ranks the sentences holding the query's terms, the rarer term counting more", () => {
    const hits = index.search(q("سكوتر", "غرامه"), 10);
    expect(hits[0]!.unit).toBe(1);
    expect(hits.map((h) => h.unit).sort()).toEqual([0, 1]);
    expect(hits[0]!.unitMask).toBe(0b11);
  });

  it("lets a sentence score on its paragraph's words too (the words of a question may sit in its neighbour)", () => {
    const hits = index.search(q("قانون", "دينار"), 10);
    const second = hits.find((h) => h.unit === 1)!;
    expect(second.unitMask).toBe(0b10);
    expect(second.groupMask).toBe(0b11);
  });

  it("counts document frequency by sentence, by paragraph, and within a range of sentences", () => {
    expect(index.unitDf[id("هدف")]).toBe(2);
    expect(index.groupDf[id("هدف")]).toBe(1);
    expect(index.groupDfIn(id("سكوتر"), 0, 2)).toBe(1);
    expect(index.groupDfIn(id("سكوتر"), 2, 4)).toBe(0);
  });

  it("keeps the terms `ordered` accepts in text order, and only those", () => {
    expect([...index.unitSequence(3)]).toEqual([id("هدف"), id("هدف"), id("حكم")]);
    expect([...index.unitSequence(1)]).toEqual([id("غرامه"), id("دينار")]);
    expect([...new Bm25Index(sentences, [0, 0, 1, 1]).unitSequence(0)]).toEqual([]);
  });
});
