// How much of the question a set of sentences holds: each question word counts by its
// best match there (its form, or at `rootWeight` its root key), weighed by its idf.
import type { Query } from "./query.ts";

/** Per question word, its weight; `mask` bit i: query term i is there. */
export function coverage(query: Query, weights: number[], mask: number, rootWeight: number): number {
  let total = 0;
  let held = 0;
  query.words.forEach((w, i) => {
    const weight = weights[i]!;
    total += weight;
    held += weight * w.formWeight * Math.max(mask & w.formBit ? 1 : 0, mask & w.rootBit ? rootWeight : 0);
  });
  return total === 0 ? 0 : held / total;
}

/** The query terms a sentence holds, as a mask. */
export function sentenceMask(query: Query, holds: (termId: number) => boolean): number {
  let mask = 0;
  query.terms.forEach(({ termId }, i) => {
    if (holds(termId)) mask |= 1 << i;
  });
  return mask;
}
