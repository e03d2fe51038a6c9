// A paragraph → its sentences, as [start, end) ranges of the exact text, so that a
// quote is always a verbatim slice of the article.

// A sentence ends at . ؟ ? ! ؛ … (a run of them), together with any closing quotation
// marks or brackets that follow, when whitespace or the end of the paragraph comes next.
// «3.5» and «Meta.com» do not end a sentence.
const SENTENCE_END = /[.؟?!؛…]+["”’»)\]]*(?=\s|$)|\n/g;

export interface Span {
  start: number;
  end: number;
}

export function splitSentences(paragraph: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const text = paragraph.slice(start, end);
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    if (!text.trim()) return;
    // A piece that opens with a comma («، من بين أمور أخرى.») goes on with the sentence before.
    if (/^[،,؛;:]/.test(text.trimStart()) && spans.length) spans[spans.length - 1]!.end = end - trail;
    else spans.push({ start: start + lead, end: end - trail });
  };
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(paragraph.length);
  return spans;
}
