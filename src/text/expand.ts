// The last stage of the analysis chain, at index time: each term is indexed twice, as
// itself and as its coarser root key (stem.ts), so another form of a word still matches
// («ستمنعه» ~ «منعت»). The key is marked so that it never meets a stem.
import { rootKey } from "./stem.ts";

const ROOT_MARK = "~";

export const rootTerm = (term: string): string => ROOT_MARK + rootKey(term);

export const isRootTerm = (term: string): boolean => term.startsWith(ROOT_MARK);

export function withRootKeys(terms: string[]): string[] {
  return [...terms, ...terms.map(rootTerm)];
}
