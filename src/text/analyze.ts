// The analysis chain, shared by indexing and querying so the two can never drift:
// normalise → tokenise → aliases → stop words → stem.
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

export type Analyzer = (text: string) => Term[];

const MAX_CACHE = 200_000;

export function createAnalyzer(aliases: AliasGroup[] = []): Analyzer {
  const table = buildAliasTable(aliases);
  // Stemming the same word again and again dominates index build time.
  const termOf = new Map<string, string | null>();
  return (text) => {
    const terms: Term[] = [];
    for (const token of applyAliases(tokenize(text), table)) {
      if ("alias" in token && token.alias) {
        terms.push({ term: token.text, start: token.start, end: token.end });
        continue;
      }
      let term = termOf.get(token.text);
      if (term === undefined) {
        term = isIndexable(token.text) ? stem(token.text) : null;
        if (termOf.size >= MAX_CACHE) termOf.clear();
        termOf.set(token.text, term);
      }
      if (term) terms.push({ term, start: token.start, end: token.end });
    }
    return terms;
  };
}

function isIndexable(word: string): boolean {
  // Single letters are clitics split off by the script boundary («و» + Spotify) or noise.
  if (word.length < 2 && !/\d/.test(word)) return false;
  return !isStopWord(word);
}
