// The alias table maps every spelling of a name (Arabic or Latin script, several
// transliterations) to one canonical term, at index and at query time alike.
// Spellings may be several words («دانييل إيك») and may carry a clitic («لسبوتيفاي»).
import type { AliasGroup } from "../types.ts";
import { tokenize, type Token } from "./tokenize.ts";

export interface AliasToken extends Token {
  /** True when `text` is a canonical alias term: it is neither a stop word nor stemmed. */
  alias?: boolean;
}

type AliasTable = Map<string, Array<{ rest: string[]; canonical: string }>>;

export function buildAliasTable(groups: AliasGroup[]): AliasTable {
  const table: AliasTable = new Map();
  for (const { canonical, spellings } of groups) {
    for (const spelling of [canonical, ...spellings]) {
      const words = tokenize(spelling).map((t) => t.text);
      const [first, ...rest] = words;
      if (!first) continue;
      const entries = table.get(first);
      if (entries) entries.push({ rest, canonical: canonical.toLowerCase() });
      else table.set(first, [{ rest, canonical: canonical.toLowerCase() }]);
    }
  }
  // Longest spelling first, so «مارك زوكربيرج» wins over «مارك». Sorted once: sorting on
  // every insert made 30,000 spellings take seconds to load.
  for (const entries of table.values()) entries.sort((a, b) => b.rest.length - a.rest.length);
  return table;
}

/** The word without its leading clitics, as it may appear in the table: وميتا → ميتا, وللاتحاد → الاتحاد. */
function withoutClitic(word: string): string[] {
  const forms: string[] = [];
  for (const conjunction of ["", "و", "ف"]) {
    if (!word.startsWith(conjunction)) continue;
    const rest = word.slice(conjunction.length);
    if (conjunction) forms.push(rest);
    if (rest.startsWith("لل")) forms.push("ا" + rest.slice(1)); // ل + ال
    else if (/^[بلك]/.test(rest)) forms.push(rest.slice(1));
  }
  return forms.filter((form) => form.length > 2);
}

export function applyAliases(tokens: Token[], table: AliasTable): AliasToken[] {
  if (table.size === 0) return tokens;
  const out: AliasToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const match = matchAt(tokens, i, table);
    if (match) {
      out.push({ text: match.canonical, start: token.start, end: tokens[i + match.length - 1]!.end, alias: true });
      i += match.length - 1;
    } else {
      out.push(token);
    }
  }
  return out;
}

function matchAt(tokens: Token[], i: number, table: AliasTable): { canonical: string; length: number } | undefined {
  const first = tokens[i]!.text;
  for (const form of [first, ...withoutClitic(first)]) {
    for (const { rest, canonical } of table.get(form) ?? []) {
      if (rest.every((word, k) => tokens[i + 1 + k]?.text === word)) return { canonical, length: rest.length + 1 };
    }
  }
  return undefined;
}
