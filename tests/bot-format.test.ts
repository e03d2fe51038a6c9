// Pure pieces of the bot: HTML formatting, trimming, button data, question checks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkQuestion, extractQuestion } from "../src/bot/question.ts";
import { encodeAction, parseAction, type ButtonAction } from "../src/bot/callback-data.ts";
import { formatParagraph, formatResult, highlightHtml, mergeRanges, quoteBlock, sourceLine } from "../src/bot/format.ts";
import { greetingReply, normalizeGreeting } from "../src/bot/greetings.ts";
import { escapeHtml, isolateLatin } from "../src/bot/html.ts";
import { texts } from "../src/bot/texts.ts";
import type { Result } from "../src/types.ts";
import { parseTelegramHtml } from "../src/playground/fake-telegram.ts";

const doc = { title: "عنوان المقال", publisher: "الناشر" };
const result = (quote: string, highlights: Array<[number, number]> = [], extra: Partial<Result["document"]> = {}): Result => ({
  quote,
  documentId: "doc",
  paragraph: 3,
  sentence: 1,
  score: 1,
  highlights,
  document: { ...doc, ...extra },
});

describe("formatResult", () => {
  it("escapes the quote and bolds the highlighted ranges", () => {
    const html = formatResult(result("قال <Meta> & Spotify شيئًا", [[4, 10], [13, 20]]));
    expect(html).toBe(
      "<blockquote>قال <b>&lt;Meta&gt;</b> &amp; <b>Spotify</b> شيئًا</blockquote>\n" +
        "📖 المصدر: «عنوان المقال» — الناشر، الفقرة ٣",
    );
  });

  it("links the title only when the document has a url, and escapes it", () => {
    const html = sourceLine({ ...doc, url: 'https://example.com/a?x=1&y="2"' }, 12);
    expect(html).toContain('«<a href="https://example.com/a?x=1&amp;y=&quot;2&quot;">عنوان المقال</a>»');
    expect(html).toContain("الفقرة ١٢");
    expect(parseTelegramHtml(html)).toMatchObject({ ok: true });
  });

  it("keeps Latin names readable in RTL by isolating them", () => {
    expect(isolateLatin("مقال TechCrunch بقلم Sarah Perez")).toBe("مقال \u2066TechCrunch\u2069 بقلم \u2066Sarah Perez\u2069");
    expect(sourceLine({ title: "Meta و Spotify", publisher: "TechCrunch" }, 1)).toContain("\u2066Meta\u2069 و \u2066Spotify\u2069");
  });

  it("echoes the question when asked to", () => {
    expect(formatResult(result("نص"), { question: "سؤال <؟>" })).toMatch(/^❓ <b>سؤال &lt;؟&gt;<\/b>\n<blockquote>/);
  });

  it("merges highlights that overlap or are one space apart", () => {
    expect(mergeRanges([[4, 9], [0, 3], [2, 5], [20, 30]], "abc defgh ij klmnopqrstuvwxyz")).toEqual([[0, 9], [20, 29]]);
    expect(highlightHtml("ab cd", [[0, 2], [3, 5]])).toBe("<b>ab</b> <b>cd</b>");
  });

  it("trims a very long quote below 4096 without cutting tags or entities", () => {
    const quote = "الذكاء & <الاصطناعي> ".repeat(400);
    const highlights: Array<[number, number]> = [[0, 6], [4000, 4020], [7000, 7010]];
    const html = formatResult(result(quote, highlights));
    expect(html.length).toBeLessThanOrEqual(4096);
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(true);
    expect(html).toContain("…</blockquote>");
  });

  it("formats a long paragraph collapsed and a short one open", () => {
    expect(formatParagraph("ن".repeat(600), doc, 1).startsWith("<blockquote expandable>")).toBe(true);
    expect(formatParagraph("نص قصير", doc, 1).startsWith("<blockquote>")).toBe(true);
    const huge = formatParagraph("كلمة ".repeat(2000), doc, 1);
    expect(huge.length).toBeLessThanOrEqual(4096);
    expect(parseTelegramHtml(huge).ok).toBe(true);
  });

  it("property: any text, any highlights, any budget → valid HTML within the budget", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "ب", " ", "<", ">", "&", '"', "😀", "\n", "é"), maxLength: 3000 });
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.integer({ min: -5, max: 3100 }), fc.integer({ min: -5, max: 3100 })), { maxLength: 20 }),
        fc.integer({ min: 30, max: 4096 }),
        (quote, highlights, budget) => {
          const html = quoteBlock(quote, highlights, budget);
          expect(html.length).toBeLessThanOrEqual(budget);
          if (html === "") return;
          const parsed = parseTelegramHtml(html);
          expect(parsed.ok).toBe(true);
          // Never a lone surrogate from a cut in the middle of an emoji.
          expect(parsed.ok && /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(parsed.text)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: formatResult always fits and parses", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), fc.string({ maxLength: 600 }), (quote, question) => {
        const html = formatResult(result(quote, [[0, 3]], { title: quote.slice(0, 50) || "t" }), { question });
        expect(html.length).toBeLessThanOrEqual(4096);
        expect(parseTelegramHtml(html).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("escapeHtml covers & < > and quotes", () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });
});

describe("button data", () => {
  it("round-trips every action within 64 bytes", () => {
    // Numbers past 9,999 too: the benchmarks run 20,000 documents.
    const n = fc.nat(999_999);
    const key = fc.string({ unit: fc.constantFrom(..."0123456789abcdefghijklmnopqrstuvwxyz"), minLength: 6, maxLength: 6 });
    const example = fc.record({ document: key, index: n });
    const action = fc.oneof(
      fc.record({ kind: fc.constant("example" as const), example }),
      fc.record({ kind: fc.constant("next" as const), result: n }),
      fc.record({ kind: fc.constant("next" as const), result: n, example }),
      fc.record({ kind: fc.constant("paragraph" as const), document: key, paragraph: n }),
      fc.record({ kind: fc.constant("paragraph" as const), document: key, paragraph: n, back: fc.record({ result: n }) }),
      fc.record({ kind: fc.constant("paragraph" as const), document: key, paragraph: n, back: fc.record({ result: n, example }) }),
      fc.record({ kind: fc.constant("page" as const), list: fc.constantFrom("sources" as const, "about" as const), page: n }),
    );
    fc.assert(
      fc.property(action, (a: ButtonAction) => {
        const data = encodeAction(a);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        expect(parseAction(data)).toEqual(a);
      }),
    );
  });

  it("rejects anything else without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (data) => {
        const action = parseAction(data);
        if (action) expect(encodeAction(action)).toBe(data);
      }),
    );
    for (const data of ["", "n", "n:", "n:-1", "n:1.5", "n:01", "p:1", "p:0:1", "ex:", "ex:1", "ex:1e3", " n:1", "n:1 ", "x:1", "n:1:1234567"]) {
      expect(parseAction(data)).toBeUndefined();
    }
  });
});

describe("questions", () => {
  it("extracts the question from /ask, /ask@Bot and mentions", () => {
    expect(extractQuestion("/ask  من هو؟", "my_bot")).toBe("من هو؟");
    expect(extractQuestion("/ask@My_Bot من هو؟", "my_bot")).toBe("من هو؟");
    expect(extractQuestion("@my_bot من هو؟", "my_bot")).toBe("من هو؟");
    expect(extractQuestion("من هو @MY_BOT؟", "my_bot")).toBe("من هو ؟");
    expect(extractQuestion("/asking من", "my_bot")).toBe("/asking من");
  });

  it("checks length, HTML and words", () => {
    expect(checkQuestion("  سؤال  ")).toEqual({ ok: true, question: "سؤال" });
    expect(checkQuestion("س".repeat(501))).toEqual({ ok: false, problem: "tooLong" });
    expect(checkQuestion("س".repeat(500)).ok).toBe(true);
    expect(checkQuestion("<i>سؤال</i>")).toEqual({ ok: false, problem: "htmlLike" });
    expect(checkQuestion("a < b > c").ok).toBe(true);
    expect(checkQuestion("🙂🙂")).toEqual({ ok: false, problem: "noWords" });
    expect(checkQuestion("")).toEqual({ ok: false, problem: "noWords" });
  });

  it("recognises whole-message greetings after light normalisation only", () => {
    expect(normalizeGreeting("شكراً جزيلاً!!")).toBe("شكرا جزيلا");
    expect(greetingReply("  أهلاً وسهلاً  ")).toBe(texts.greeting);
    expect(greetingReply("السلامُ عليكُم")).toBe(texts.salamReply);
    expect(greetingReply("Thank you!")).toBe(texts.thanksReply);
    expect(greetingReply("شكرا، ومن هو زوكربيرج؟")).toBeUndefined();
    expect(greetingReply("ميتا")).toBeUndefined();
  });
});
