// Stage 3, candidate retrieval: BM25 over three fields. A sentence scores on its own
// words, on its paragraph's (so the words of a question may sit in neighbouring
// sentences), and on its document's title (the article's subject, which its paragraphs
// often leave unsaid).
import { Bm25Index, type Hit, type QueryTerm } from "../search/bm25.ts";
import type { Analyzer } from "../text/analyze.ts";
import { isRootTerm, withRootKeys } from "../text/expand.ts";
import type { EngineOptions } from "./options.ts";
import type { Query } from "./query.ts";
import type { SentenceTable } from "./sentences.ts";

export interface Indexes {
  sentences: Bm25Index;
  /** One entry per document: its title (and the original's). */
  titles: Bm25Index;
  /** Scratch: the title field's score of each paragraph, during one search. */
  paragraphBonus: Float64Array;
}

export interface Candidates {
  hits: Hit[];
  /** Per document the title field found: the question words its title holds (bit i: query word i). */
  titleMask: Map<number, number>;
}

/** A bound on the terms whose root keys the build remembers (an archive's vocabulary can be millions). */
const MAX_EXPANDED = 200_000;
/** A bound on the seeded sentences, whatever the seeded documents' length. */
const MAX_SEEDS = 400;

export function buildIndexes(table: SentenceTable, analyze: Analyzer, options: EngineOptions): Indexes {
  const expand = (terms: string[]) => (options.rootWeight ? withRootKeys(terms) : terms);
  // Each term with its root keys, worked out once per term: the index reads millions.
  const expanded = new Map<string, string[]>();
  function* sentenceTerms() {
    for (let s = 0; s < table.size; s++) {
      const terms: string[] = [];
      for (const term of analyze.terms(table.text(s))) {
        let withKeys = expanded.get(term);
        if (!withKeys) {
          if (expanded.size >= MAX_EXPANDED) expanded.clear();
          expanded.set(term, (withKeys = expand([term])));
        }
        for (let i = 0; i < withKeys.length; i++) terms.push(withKeys[i]!);
      }
      yield terms;
    }
  }
  // Word order is kept (without root keys) for the word-pair re-scoring (ranking.ts) and for
  // telling a near-copy of a paragraph from another paragraph (decision.ts).
  const sentences = new Bm25Index(sentenceTerms(), table.paragraphOf, options.bm25, (term) => !isRootTerm(term));
  const titleTerms = table.documents.map((d) => expand(analyze(`${d.meta.title}\n${d.meta.original?.title ?? ""}`).map((t) => t.term)));
  const titles = new Bm25Index(titleTerms, titleTerms.map((_, d) => d), { ...options.bm25, paragraphWeight: 0 });
  return { sentences, titles, paragraphBonus: new Float64Array(table.firstParagraph[table.documents.length]!) };
}

export function retrieve(query: Query, indexes: Indexes, table: SentenceTable, options: EngineOptions, limit: number): Candidates {
  const titleMask = new Map<number, number>();
  if (!query.words.length) return { hits: [], titleMask };
  const { sentences, titles, paragraphBonus } = indexes;
  const touched: number[] = [];
  const seeds: number[] = [];
  if (options.titleWeight > 0) {
    // The title index has its own term ids; bit i of a title's mask: question word i is in it.
    const word: number[] = [];
    const titleQuery: QueryTerm[] = [];
    query.words.forEach((w, i) =>
      w.terms.forEach((term, k) => {
        const termId = titles.termIds.get(term);
        if (termId !== undefined) titleQuery.push({ termId, weight: w.formWeight * (k ? options.rootWeight : 1) }), word.push(i);
      }),
    );
    const found = titleQuery.length ? titles.search(titleQuery, options.titledDocuments) : [];
    found.forEach(({ unit: d, score, unitMask }, rank) => {
      titleMask.set(d, word.reduce((mask, i, j) => (unitMask & (1 << j) ? mask | (1 << i) : mask), 0));
      for (let p = table.firstParagraph[d]!; p < table.firstParagraph[d + 1]!; p++) {
        paragraphBonus[p] = options.titleWeight * score;
        touched.push(p);
      }
      if (rank < options.seededDocuments) {
        for (let s = table.firstSentence[d]!; s < table.firstSentence[d + 1]! && seeds.length < MAX_SEEDS; s++) seeds.push(s);
      }
    });
  }
  const hits = sentences.search(query.terms, limit, touched.length ? { paragraphBonus, seeds } : {});
  for (const p of touched) paragraphBonus[p] = 0;
  return { hits, titleMask };
}
