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

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const run of text.matchAll(WORD)) {
    let offset = run.index;
    for (const piece of run[0].split(SCRIPT_BOUNDARY)) {
      const normalized = normalize(piece);
      // Format characters alone, or a lone mark, leave nothing behind.
      if (/[\p{L}\p{N}]/u.test(normalized)) tokens.push({ text: normalized, start: offset, end: offset + piece.length });
      offset += piece.length;
    }
  }
  return tokens;
}
