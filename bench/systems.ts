// What is compared, behind one interface: our engine, and the two baselines a bot
// author might reach for first — fuse.js over whole passages and MiniSearch, both
// with their defaults.
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { createEngine } from "../src/engine.ts";
import type { Answer } from "../src/types.ts";
import type { Corpus } from "./corpora.ts";

export interface System {
  name: string;
  /** One search, as the bot would run it: this is what is timed. */
  search(question: string): unknown;
  /** The passage ranked first in a search's result (not timed), or -1. */
  top(result: unknown): number;
}

export interface SystemSpec {
  name: string;
  /** How it is set up, for the report. */
  setup: string;
  build(corpus: Corpus): System;
  /** Is it a baseline (capped when slow) or ours (always runs every query)? */
  baseline: boolean;
}

export const ours: SystemSpec = {
  name: "ours",
  setup: "createEngine(knowledge) → engine.answer(question): BM25 over sentences, typo correction, quotes",
  baseline: false,
  build(corpus) {
    const engine = createEngine(corpus.knowledge);
    // Passages are the knowledge's paragraphs in order: (document, paragraph) → passage index.
    const indexOf = new Map<string, number>();
    corpus.knowledge.documents.forEach((doc) => doc.paragraphs.forEach((_, p) => indexOf.set(`${doc.id}\n${p + 1}`, indexOf.size)));
    return {
      name: "ours",
      // What a reply needs: the answer, and the first quote's highlights (the others are worked out when read).
      search: (question) => {
        const answer = engine.answer(question);
        void answer.results[0]?.highlights;
        return answer;
      },
      top(result) {
        const first = (result as Answer).results[0];
        return first ? (indexOf.get(`${first.documentId}\n${first.paragraph}`) ?? -1) : -1;
      },
    };
  },
};

export const fuse: SystemSpec = {
  name: "fuse.js",
  setup: "new Fuse(passageTexts) with defaults → fuse.search(question)",
  baseline: true,
  build(corpus) {
    const index = new Fuse(corpus.passages.map((p) => p.text));
    return {
      name: "fuse.js",
      search: (question) => index.search(question),
      top: (result) => (result as Array<{ refIndex: number }>)[0]?.refIndex ?? -1,
    };
  },
};

export const miniSearch: SystemSpec = {
  name: "MiniSearch",
  setup: 'new MiniSearch({ fields: ["text"] }) with defaults, addAll(passages) → search(question)',
  baseline: true,
  build(corpus) {
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
    index.addAll(corpus.passages.map((p, id) => ({ id, text: p.text })));
    return {
      name: "MiniSearch",
      search: (question) => index.search(question),
      top: (result) => (result as Array<{ id: number }>)[0]?.id ?? -1,
    };
  },
};

export const SYSTEMS: SystemSpec[] = [ours, miniSearch, fuse];
