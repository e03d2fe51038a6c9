// Stateless button data (≤ 64 bytes). The bot keeps nothing between updates: a button
// says which example, which result of the question, which paragraph or which page to show.
// Documents are named by a short stable hash of their id (never their position), so a
// button keeps pointing at the same article when others are added or removed.
//   ex:<doc>:<j>                 ask example j of document doc
//   n:<i>                        show result i of the question this message replies to
//   n:<i>:<doc>:<j>              show result i of an example question (example answers reply to nothing)
//   p:<doc>:<n>                  show paragraph n of document doc
//   p:<doc>:<n>:<i>[:<doc>:<j>]  the same, with the way back to result i of that question
//   pg:<list>:<page>             page of /sources (s) or /about (a)
// Ranges are checked by the handler against the engine; here only the shape.

/** An example question: the j-th of a document's `examples`. */
export interface ExampleRef {
  document: string;
  index: number;
}

/** The result a paragraph view goes back to. */
export interface ResultRef {
  result: number;
  example?: ExampleRef;
}

export type PagedList = "sources" | "about";

export type ButtonAction =
  | { kind: "example"; example: ExampleRef }
  | { kind: "next"; result: number; example?: ExampleRef }
  | { kind: "paragraph"; document: string; paragraph: number; back?: ResultRef }
  | { kind: "page"; list: PagedList; page: number };

/** Six base-36 characters from the FNV-1a hash of a document id. */
export function documentKey(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** 6).toString(36).padStart(6, "0");
}

const LIST_CODES: Record<PagedList, string> = { sources: "s", about: "a" };

const example = (ref: ExampleRef) => `${ref.document}:${ref.index}`;

export function encodeAction(action: ButtonAction): string {
  switch (action.kind) {
    case "example":
      return `ex:${example(action.example)}`;
    case "next":
      return action.example === undefined ? `n:${action.result}` : `n:${action.result}:${example(action.example)}`;
    case "paragraph": {
      const base = `p:${action.document}:${action.paragraph}`;
      if (!action.back) return base;
      const { result, example: ref } = action.back;
      return ref === undefined ? `${base}:${result}` : `${base}:${result}:${example(ref)}`;
    }
    case "page":
      return `pg:${LIST_CODES[action.list]}:${action.page}`;
  }
}

// Up to 999,999: the benchmarks run 20,000 documents, and articles can be long.
const NUMBER = "(0|[1-9]\\d{0,5})";
const KEY = "([0-9a-z]{6})";
const EXAMPLE = new RegExp(`^ex:${KEY}:${NUMBER}$`);
const NEXT = new RegExp(`^n:${NUMBER}(?::${KEY}:${NUMBER})?$`);
const PARAGRAPH = new RegExp(`^p:${KEY}:${NUMBER}(?::${NUMBER}(?::${KEY}:${NUMBER})?)?$`);
const PAGE = new RegExp(`^pg:([sa]):${NUMBER}$`);

const exampleRef = (document: string | undefined, index: string | undefined): ExampleRef | undefined =>
  document === undefined ? undefined : { document, index: Number(index) };

/** The action a button asks for, or undefined when the data is not one of ours. */
export function parseAction(data: string): ButtonAction | undefined {
  let match = EXAMPLE.exec(data);
  if (match) return { kind: "example", example: exampleRef(match[1], match[2])! };
  match = NEXT.exec(data);
  if (match) {
    const ref = exampleRef(match[2], match[3]);
    return { kind: "next", result: Number(match[1]), ...(ref && { example: ref }) };
  }
  match = PARAGRAPH.exec(data);
  if (match) {
    const action: ButtonAction = { kind: "paragraph", document: match[1]!, paragraph: Number(match[2]) };
    if (match[3] === undefined) return action;
    const ref = exampleRef(match[4], match[5]);
    return { ...action, back: { result: Number(match[3]), ...(ref && { example: ref }) } };
  }
  match = PAGE.exec(data);
  if (match) return { kind: "page", list: match[1] === "s" ? "sources" : "about", page: Number(match[2]) };
  return undefined;
}
