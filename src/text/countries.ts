// Country names in Arabic (i18n-iso-countries' Arabic locale, ISO 3166-1): a question that
// names a country the articles never mention asks about something they do not cover
// («ما عاصمة أستراليا؟» of a shelf on a hospital in Irbid). Single-word names only; the
// article is optional, as people write «بالمغرب», «للأردن», «مصر».
import arabic from "i18n-iso-countries/langs/ar.json" with { type: "json" };
import { normalize } from "./normalize.ts";

const bare = (word: string) => word.replace(/^ال/, "");

const NAMES = new Set(
  Object.values(arabic.countries as Record<string, string | string[]>)
    .flat()
    .map(normalize)
    .filter((name) => !name.includes(" "))
    .map(bare)
    // «مالي» is mostly "financial" («الدعم المالي»), not Mali.
    .filter((name) => name !== "مالي"),
);

/** Is the (normalised) word a country's name, with a proclitic or the article? */
export function isCountryName(word: string): boolean {
  return NAMES.has(bare(word)) || (/^[وفبلك]/.test(word) && NAMES.has(bare(word.slice(1)))) || (word.startsWith("لل") && NAMES.has(word.slice(2)));
}
