// One key for the ways people type the same question: letters folded as for search,
// punctuation and extra spaces gone. «ما هي ميتا؟» and «ما هى ميتا» are one row in reports.
import { normalize } from "../text/normalize.ts";

export function groupKey(question: string): string {
  return normalize(question)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
