// The analysis chain, shared by indexing and querying so the two can never drift:
// normalise → tokenise → aliases → stop words → stem. Index-time expansion (root keys)
// is the last stage, in expand.ts.
import type { AliasGroup } from "../types.ts";
import { applyAliases, buildAliasTable } from "./aliases.ts";
import { isStopWord } from "./stopwords.ts";
import { stem } from "./stem.ts";
import { tokenize, tokenTexts } from "./tokenize.ts";

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
  /** The index terms of a text, in order, without their places (for indexing). */
  terms(text: string): string[];
  /**
   * The words analysed so far whose stem is the word with an ending cut and nothing else
   * («نادين» → «ناد», «خوري» → «خور»): a name the stem cut short, as the text writes it.
   */
  cutSpellings(term: string): string[];
}

const MAX_CACHE = 200_000;
const ARABIC_LETTERS = /^[\u0621-\u064A]+$/;

export function createAnalyzer(aliases: AliasGroup[] = []): Analyzer {
  const table = buildAliasTable(aliases);
  // Stemming the same word again and again dominates index build time.
  const termOf = new Map<string, string | null>();
  const cut = new Map<string, Set<string>>();
  let cutCount = 0;
  const termOfWord = (word: string): string | null => {
    let term = termOf.get(word);
    if (term === undefined) {
      term = isIndexable(word) ? stem(word) : null;
      if (termOf.size >= MAX_CACHE) termOf.clear();
      termOf.set(word, term);
      // Remembered as the word is first stemmed, at no cost beyond it: a pass over the text
      // for them took 2.6 s at 100,000 passages.
      // Bounded like the cache: questions add their words too, for as long as the bot runs.
      if (term && term !== word && word.length >= 4 && word.startsWith(term) && cutCount < MAX_CACHE && ARABIC_LETTERS.test(word)) {
        const words = cut.get(term);
        if (words) words.add(word);
        else cut.set(term, new Set([word]));
        cutCount++;
      }
    }
    return term;
  };
  const words = (text: string): Word[] =>
    applyAliases(tokenize(text), table).map((token) => {
      if ("alias" in token && token.alias) return { text: token.text, start: token.start, end: token.end, term: token.text, alias: true };
      return { text: token.text, start: token.start, end: token.end, term: termOfWord(token.text) ?? undefined, alias: false };
    });
  const analyze = (text: string): Term[] => {
    const terms: Term[] = [];
    for (const word of words(text)) if (word.term) terms.push({ term: word.term, start: word.start, end: word.end });
    return terms;
  };
  // Indexing needs no places: three objects a word were most of the build's time at 100,000
  // passages. Aliases span words, so with any the full path reads them.
  const terms = (text: string): string[] => {
    if (table.size) return analyze(text).map((t) => t.term);
    const found: string[] = [];
    for (const word of tokenTexts(text)) {
      const term = termOfWord(word);
      if (term) found.push(term);
    }
    return found;
  };
  const cutSpellings = (term: string): string[] => [...(cut.get(term) ?? [])];
  return Object.assign(analyze, { words, terms, cutSpellings });
}

function isIndexable(word: string): boolean {
  // Single letters are clitics split off by the script boundary («و» + Spotify) or noise.
  if (word.length < 2 && !/\d/.test(word)) return false;
  return !isStopWord(word);
}
