// Step 2: words, with their place in the original text so that a quote can show
// which of its words matched. Each token's text is normalised (step 1).
import { normalize } from "./normalize.ts";

export interface Token {
  /** Normalised text of the word. */
  text: string;
  /** [start, end) in the original text. */
  start: number;
  end: number;
}

// A word is a run of letters, digits and marks; format characters (ZWNJ, RLM…) and
// tatweel inside a word must not split it.
const WORD_CHAR = /^[\p{L}\p{N}\p{M}\p{Cf}\u0640]$/u;
// Which UTF-16 units are word characters, worked out once: scanning by table is several
// times faster than a Unicode regex over a text (the index build reads millions of words).
// A surrogate half is looked up with its pair.
const IN_WORD = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = +WORD_CHAR.test(String.fromCharCode(c));
  return table;
})();

/** Calls `visit(start, end)` for each word run of the text, in order. */
function forEachRun(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    const next = c >= 0xd800 && c <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      width = 2;
      inWord = WORD_CHAR.test(text.slice(i, i + 2));
    } else inWord = IN_WORD[c] === 1;
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(start, i);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(start, text.length);
}
// Where Arabic script meets Latin script inside a run («وSpotify», «Metaـ»), split.
const SCRIPT_BOUNDARY = /(?<=\p{Script=Arabic})(?=\p{Script=Latin})|(?<=\p{Script=Latin})(?=\p{Script=Arabic})/u;

/** A run's words: [normalised text, offset in the run, length]. */
type RunPieces = Array<[string, number, number]>;
// Tokenising the same word again and again dominated index build time (profiled with
// `npm run bench`): each run's pieces are computed once. A pure function of the run.
const runCache = new Map<string, RunPieces>();
const MAX_CACHE = 200_000;

function runPieces(run: string): RunPieces {
  let pieces = runCache.get(run);
  if (pieces) return pieces;
  pieces = [];
  let offset = 0;
  for (const piece of run.split(SCRIPT_BOUNDARY)) {
    const normalized = normalize(piece);
    // Format characters alone, or a lone mark, leave nothing behind.
    if (/[\p{L}\p{N}]/u.test(normalized)) pieces.push([normalized, offset, piece.length]);
    offset += piece.length;
  }
  if (runCache.size >= MAX_CACHE) runCache.clear();
  // A copy of the run, not a slice that would keep the whole text it came from alive.
  runCache.set((" " + run).slice(1), pieces);
  return pieces;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachRun(text, (from, to) => {
    const pieces = runPieces(text.slice(from, to));
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const start = from + piece[1];
      tokens.push({ text: piece[0], start, end: start + piece[2] });
    }
  });
  return tokens;
}

/** The normalised words of a text, without their places: what indexing needs, at a fraction of the cost. */
export function tokenTexts(text: string): string[] {
  const texts: string[] = [];
  forEachRun(text, (from, to) => {
    const pieces = runPieces(text.slice(from, to));
    for (let i = 0; i < pieces.length; i++) texts.push(pieces[i]![0]);
  });
  return texts;
}
