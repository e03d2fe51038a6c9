// Stateless button data (≤ 64 bytes). The bot keeps nothing between updates: a button
// says which example, which result of the question, or which paragraph to show.
//   ex:<k>        ask example question k
//   n:<i>         show result i of the question this message replies to
//   n:<i>:<k>     show result i of example question k (example answers reply to nothing)
//   p:<d>:<n>     show paragraph n of document d (index into the knowledge base)
// Ranges are checked by the handler against the engine; here only the shape.

export type ButtonAction =
  | { kind: "example"; example: number }
  | { kind: "next"; result: number; example?: number }
  | { kind: "paragraph"; document: number; paragraph: number };

export function encodeAction(action: ButtonAction): string {
  switch (action.kind) {
    case "example":
      return `ex:${action.example}`;
    case "next":
      return action.example === undefined ? `n:${action.result}` : `n:${action.result}:${action.example}`;
    case "paragraph":
      return `p:${action.document}:${action.paragraph}`;
  }
}

const NUMBER = "(0|[1-9]\\d{0,3})";
const EXAMPLE = new RegExp(`^ex:${NUMBER}$`);
const NEXT = new RegExp(`^n:${NUMBER}(?::${NUMBER})?$`);
const PARAGRAPH = new RegExp(`^p:${NUMBER}:${NUMBER}$`);

/** The action a button asks for, or undefined when the data is not one of ours. */
export function parseAction(data: string): ButtonAction | undefined {
  let match = EXAMPLE.exec(data);
  if (match) return { kind: "example", example: Number(match[1]) };
  match = NEXT.exec(data);
  if (match) {
    return match[2] === undefined
      ? { kind: "next", result: Number(match[1]) }
      : { kind: "next", result: Number(match[1]), example: Number(match[2]) };
  }
  match = PARAGRAPH.exec(data);
  if (match) return { kind: "paragraph", document: Number(match[1]), paragraph: Number(match[2]) };
  return undefined;
}
