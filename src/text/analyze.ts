// The analysis chain, shared by indexing and querying so the two can never drift:
// normalise → tokenise → aliases → stop words → stem. Index-time expansion (root keys)
// is the last stage, in expand.ts.
import type { AliasGroup } from "../types.ts";
import { applyAliases, buildAliasTable } from "./aliases.ts";
import { isStopWord } from "./stopwords.ts";
import { stem } from "./stem.ts";
import { tokenize } from "./tokenize.ts";

export interface Term {
  /** The index term: a stem, or a canonical alias. */
  term: string;
  /** [start, end) of the word(s) in the analysed text. */
  start: number;
  end: number;
}

/** A word before stop-word removal: what question analysis and the word look-ups see. */
export interface Word {
  /** The normalised word as written (or the canonical alias). */
  text: string;
  start: number;
  end: number;
  /** Its index term; undefined for a stop word or a lone letter. */
  term: string | undefined;
  /** A canonical alias term (never stemmed nor dropped). */
  alias: boolean;
}

export interface Analyzer {
  /** The index terms of a text, in order. */
  (text: string): Term[];
  /** Every word of a text, stop words included, each with its index term when it has one. */
  words(text: string): Word[];
}

const MAX_CACHE = 200_000;

export function createAnalyzer(aliases: AliasGroup[] = []): Analyzer {
  const table = buildAliasTable(aliases);
  // Stemming the same word again and again dominates index build time.
  const termOf = new Map<string, string | null>();
  const words = (text: string): Word[] =>
    applyAliases(tokenize(text), table).map((token) => {
      if ("alias" in token && token.alias) return { text: token.text, start: token.start, end: token.end, term: token.text, alias: true };
      let term = termOf.get(token.text);
      if (term === undefined) {
        term = isIndexable(token.text) ? stem(token.text) : null;
        if (termOf.size >= MAX_CACHE) termOf.clear();
        termOf.set(token.text, term);
      }
      return { text: token.text, start: token.start, end: token.end, term: term ?? undefined, alias: false };
    });
  const analyze = (text: string): Term[] => {
    const terms: Term[] = [];
    for (const word of words(text)) if (word.term) terms.push({ term: word.term, start: word.start, end: word.end });
    return terms;
  };
  return Object.assign(analyze, { words });
}

function isIndexable(word: string): boolean {
  // Single letters are clitics split off by the script boundary («و» + Spotify) or noise.
  if (word.length < 2 && !/\d/.test(word)) return false;
  return !isStopWord(word);
}
