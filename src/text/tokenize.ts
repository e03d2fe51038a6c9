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
const WORD = /[\p{L}\p{N}\p{M}\p{Cf}\u0640]+/gu;
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
  WORD.lastIndex = 0;
  for (let run = WORD.exec(text); run !== null; run = WORD.exec(text)) {
    const pieces = runPieces(run[0]);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const start = run.index + piece[1];
      tokens.push({ text: piece[0], start, end: start + piece[2] });
    }
  }
  return tokens;
}
