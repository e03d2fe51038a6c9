// The last stage of the analysis chain, at index time: each term is indexed twice, as
// itself and as its coarser root key (stem.ts), so another form of a word still matches
// («ستمنعه» ~ «منعت»). The key is marked so that it never meets a stem.
import { rootKey } from "./stem.ts";

const ROOT_MARK = "~";

export const rootTerm = (term: string): string => ROOT_MARK + rootKey(term);

export const isRootTerm = (term: string): boolean => term.startsWith(ROOT_MARK);

/**
 * A proclitic light stemming leaves on a word without the article: «بسعر», «لشركة», «كمدرب»,
 * «وعمل». A preposition (ب ل ك) also before two letters: «لمدة», «بسعة», «للغة» hold the
 * two-letter stems of مدة، سعة، لغة.
 */
const PROCLITIC = /^(?:[بلك](?=[\u0621-\u064A]{2})|[وف](?=[\u0621-\u064A]{3}))/;

export function withRootKeys(terms: string[]): string[] {
  const keys = terms.map(rootTerm);
  // Also the root key of the word without it, so «سعر» finds «بسعر» (at the root key's weight).
  for (const term of terms) if (PROCLITIC.test(term)) keys.push(rootTerm(term.slice(1)));
  return [...terms, ...keys];
}
