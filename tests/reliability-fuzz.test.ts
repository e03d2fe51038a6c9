// Fuzzed input (fast-check, fixed seed): any string up to 10,000 characters — Arabic and
// Latin, harakat, tatweel, bidi marks, ZWJ emoji, lone surrogates, control characters,
// HTML, entities, very long words — never makes the engine, the formatter or a handler
// throw, and everything the bot sends is a call Telegram accepts (telegram-rules.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAbout, formatParagraph, formatResult, formatSources, quoteBlock, shorten } from "../src/bot/format.ts";
import { documentKey } from "../src/bot/callback-data.ts";
import { texts } from "../src/bot/texts.ts";
import type { KnowledgeDocument, Result } from "../src/types.ts";
import {
  BOT_USER,
  botMessage,
  callbackUpdate,
  createHarness,
  groupChat,
  type Harness,
  inlineUpdate,
  privateChat,
  realEngine,
  textMessage,
  user,
} from "./support/bot-harness.ts";
import { captureLogs, WARN } from "./support/log-capture.ts";
import { telegramProblems, textProblems } from "./support/telegram-rules.ts";

const SEED = 20_241_130;
/** Runs per property; the totals are in the closing note of docs/reliability.md. */
const RUNS = { engine: 2000, formatter: 2000, private: 2000, group: 1000, inline: 1000, buttons: 1000 };
const settings = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

const engine = realEngine();
/** The fixture article's key in button data, and the first of its example questions. */
const KEY = documentKey(engine.knowledge.documents[0]!.id);
const EXAMPLE = engine.examples(1)[0];
const NO_WORDS = texts.noWords(EXAMPLE);
const KNOWLEDGE_WORDS = [...new Set(engine.knowledge.documents.flatMap((doc) => doc.paragraphs.join(" ").split(/\s+/)))];
const QUESTION_WORDS = ["من", "ما", "ماذا", "متى", "كم", "لماذا", "هل", "أين", "كيف", "هو", "الرئيس", "التنفيذي", "لشركة", "ميتا"];

// ---- the input generator -----------------------------------------------------

const HARAKAT = ["\u064B", "\u064C", "\u064D", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u0670"];
const TATWEEL = "\u0640";
const BIDI = ["\u200F", "\u200E", "\u200D", "\u200C", "\u2066", "\u2067", "\u2068", "\u2069", "\u202A", "\u202B", "\u202E", "\u202C", "\uFEFF"];
const EMOJI = ["😀", "🙏", "❤️", "👍🏽", "🇸🇦", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏾‍💻", "😶‍🌫️", "1️⃣", "©️"];
const LONE_SURROGATES = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "😀".slice(0, 1), "😀".slice(1)];
const CONTROL = [..."\u0000\u0001\u0007\b\u000B\f\r\u001B\u001F\u007F\u0085\u2028\u2029"];
const MARKUP = [
  "<b>", "</b>", "<i>", "</blockquote>", "<blockquote expandable>", "<tg-spoiler>", '<a href="https://x.y/?a=1&b=2">', "</a>",
  "<script>alert(1)</script>", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#0;", "&#xD800;", "&#1234567;", "&", "<", ">", '"', "'", "<<", "<>", "</>", "<b", "&amp",
];
const TELEGRAMMY = ["/ask", "/ask@test_qa_bot", "/ask@OtherBot", "/start", "/help", "/about", "/sources", "/weather", "@test_qa_bot", "@someone", "@", "/"];
const PUNCTUATION = ["؟", "?", "،", ",", "!", ".", "...", "«", "»", "(", ")", "٣", "٢٠٢٤", "2024", "-", "_", "#", "*", "`", "~", "|"];

/** One piece of text; texts are runs of these. */
const atom = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KNOWLEDGE_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...QUESTION_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom("Meta", "Spotify", "Llama", "EU", "Zuckerberg", "Ek", "hello", "thanks", "the", "AI") },
  { weight: 6, arbitrary: fc.constantFrom(" ", " ", " ", "\n", "\t", "  ", "\u00A0", "\u3000") },
  { weight: 2, arbitrary: fc.constantFrom(...HARAKAT, TATWEEL, TATWEEL.repeat(5)) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.constantFrom(...TELEGRAMMY) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  // Very long words.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("ا", "سلام", "a", "😀", "ـ", "&", "<b>"), fc.integer({ min: 30, max: 2500 })).map(([unit, n]) => unit.repeat(n)) },
  // Any UTF-16 code units at all.
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 }) },
);

/** Strings of up to `max` characters, most of them short (like questions), some very long. */
const fuzzText = (max: number) =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.array(atom, { maxLength: 25 }) },
      { weight: 3, arbitrary: fc.array(atom, { maxLength: 200 }) },
      { weight: 1, arbitrary: fc.array(atom, { minLength: 200, maxLength: 1500 }) },
    )
    .map((parts) => parts.join("").slice(0, max));

/** Telegram trims messages and never delivers an empty one. */
const asMessageText = (text: string) => text.trim() || "؟";

// ---- helpers -------------------------------------------------------------------

let nextUserId = 1_000_000;

async function fuzzHarness(): Promise<{ h: Harness; errors: () => unknown[] }> {
  const logs = captureLogs({ level: "warn" });
  const h = await createHarness({ logger: logs.logger });
  return { h, errors: () => logs.atLeast(WARN) };
}

/** Every call sent so far is valid for Telegram, and none is the "something went wrong" apology. */
function expectAllValid(h: Harness): void {
  for (const { method, payload } of h.calls) {
    expect(telegramProblems(method, payload), `${method}: ${JSON.stringify(payload).slice(0, 300)}`).toEqual([]);
    if (method === "sendMessage") expect(payload.text).not.toBe(texts.failed);
  }
}

// ---- properties ------------------------------------------------------------------

describe("fuzzed input never throws", () => {
  it(`engine: ${RUNS.engine} strings up to 10,000 characters → an Answer whose quotes are the article's own text`, () => {
    fc.assert(
      fc.property(fuzzText(10_000), (question) => {
        const answer = engine.answer(question);
        expect(answer.results.length).toBeLessThanOrEqual(5);
        expect(answer.confidence).toBeGreaterThanOrEqual(0);
        expect(answer.confidence).toBeLessThanOrEqual(1);
        for (const result of answer.results) {
          // A question about the article itself is answered from its details, not its text.
          if (result.source === "details") expect(result.paragraph).toBe(0);
          else expect(engine.paragraph(result.documentId, result.paragraph)).toContain(result.quote);
          for (const [start, end] of result.highlights) {
            expect(0 <= start && start < end && end <= result.quote.length).toBe(true);
          }
        }
      }),
      settings(RUNS.engine),
    );
  });

  it(`formatter: ${RUNS.formatter} quotes, questions and metadata → valid Telegram HTML, at most 4096 characters`, () => {
    const meta = fc.record({
      title: fuzzText(300).map((t) => t || "t"),
      publisher: fuzzText(100),
      url: fc.option(fc.oneof(fc.webUrl(), fuzzText(100)), { nil: undefined }),
      author: fc.option(fuzzText(60), { nil: undefined }),
      published: fc.option(fc.oneof(fc.constant("2024-08-23"), fc.constant("2024-02-30"), fuzzText(20)), { nil: undefined }),
    });
    const highlights = fc.array(fc.tuple(fc.integer({ min: -10, max: 10_010 }), fc.integer({ min: -10, max: 10_010 })), { maxLength: 12 });
    fc.assert(
      fc.property(fuzzText(10_000), fuzzText(10_000), meta, highlights, fc.nat(9999), (quote, question, doc, ranges, paragraph) => {
        const result: Result = { quote, documentId: "d", paragraph, sentence: 1, score: 1, highlights: ranges, document: doc };
        const document: KnowledgeDocument = { id: "d", file: "d.md", meta: { ...doc, language: "ar" }, paragraphs: [quote] };
        const outputs = [
          formatResult(result),
          formatResult(result, { question }),
          formatParagraph(quote || "ن", doc, paragraph),
          formatAbout([document, document]).html,
          formatSources([document]).html,
          texts.welcome(9, [doc.title, quote.slice(0, 300)], true),
          texts.askUsage(question.slice(0, 500)),
          texts.help("test_qa_bot", { inGroup: true, example: question.slice(0, 500) }),
          quoteBlock(quote.trim() ? quote : "ن", ranges, 4096),
        ];
        for (const html of outputs) expect(textProblems(html, "HTML"), html.slice(0, 200)).toEqual([]);
        expect(shorten(question, 100).length).toBeLessThanOrEqual(100);
      }),
      settings(RUNS.formatter),
    );
  });

  it(`private chat: ${RUNS.private} messages → exactly one valid reply each, never the error apology`, async () => {
    const { h, errors } = await fuzzHarness();
    const kinds = new Map<string, number>();
    const kindOf = (text: string) =>
      text.includes("<blockquote>") ? "quote"
      : text === texts.noAnswer(1, true) ? "noAnswer"
      : text === texts.tooLong ? "tooLong"
      : text === texts.htmlLike ? "htmlLike"
      : text === NO_WORDS ? "noWords"
      : "other"; // greetings, commands, usage hints
    await fc.assert(
      fc.asyncProperty(fuzzText(10_000), async (text) => {
        h.calls.length = 0;
        const id = nextUserId++;
        await h.send({ message: textMessage(asMessageText(text), { from: user(id), chat: privateChat(id) }) });
        expect(h.calls.map((call) => call.method)).toEqual(["sendMessage"]);
        expect(h.calls[0]!.payload.chat_id).toBe(id);
        expectAllValid(h);
        expect(errors()).toEqual([]);
        const kind = kindOf(h.calls[0]!.payload.text);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }),
      settings(RUNS.private),
    );
    // The generator reaches every path, quotes included (not just refusals).
    for (const kind of ["quote", "noAnswer", "tooLong", "htmlLike", "noWords", "other"]) {
      expect(kinds.get(kind) ?? 0, `${kind} in ${JSON.stringify([...kinds])}`).toBeGreaterThanOrEqual(20);
    }
  });

  it(`group: ${RUNS.group} messages → one valid reply when addressed, silence otherwise`, async () => {
    const { h, errors } = await fuzzHarness();
    const kinds = ["ask", "askOther", "mention", "replyToBot", "chatter"] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...kinds), fuzzText(4096), async (kind, text) => {
        h.calls.length = 0;
        const from = user(nextUserId++);
        const chat = groupChat();
        const message =
          kind === "ask" ? textMessage(`/ask ${text}`.trim(), { chat, from })
          : kind === "askOther" ? textMessage(`/ask@OtherBot ${text}`.trim(), { chat, from })
          : kind === "mention" ? textMessage(`@test_qa_bot ${text}`.trim(), { chat, from })
          : kind === "replyToBot"
            ? textMessage(`سؤال ${text}`.trim(), { chat, from, replyTo: botMessage("جواب سابق", { chat }) })
            : textMessage(asMessageText(text.replace(/[@/]/g, " ")), { chat, from });
        await h.send({ message });
        const methods = h.calls.map((call) => call.method);
        if (kind === "askOther" || kind === "chatter") expect(methods).toEqual([]);
        // A bare reply to the bot is answered only when it can be: chatter gets silence
        // (a reply that also mentions the bot is addressed, and always gets a reply).
        else if (kind === "replyToBot" && !/(^|[^\w@])@test_qa_bot(?!\w)/i.test(message.text)) {
          expect(methods.length).toBeLessThanOrEqual(1);
          if (methods.length === 1) expect(h.calls[0]!.payload.text).toContain("<blockquote>");
        } else expect(methods).toEqual(["sendMessage"]);
        expectAllValid(h);
        expect(errors()).toEqual([]);
      }),
      settings(RUNS.group),
    );
  });

  it(`inline mode: ${RUNS.inline} queries up to 256 characters → one valid answerInlineQuery`, async () => {
    const { h, errors } = await fuzzHarness();
    await fc.assert(
      fc.asyncProperty(fuzzText(256), async (query) => {
        h.calls.length = 0;
        await h.send(inlineUpdate(query, user(nextUserId++)));
        expect(h.calls.map((call) => call.method)).toEqual(["answerInlineQuery"]);
        expectAllValid(h);
        expect(errors()).toEqual([]);
      }),
      settings(RUNS.inline),
    );
  });

  it(`buttons: ${RUNS.buttons} tampered callback data on any message → answered once, valid, no error`, async () => {
    const { h, errors } = await fuzzHarness();
    const n = fc.oneof(fc.nat(12), fc.integer({ min: -3, max: 100_000 }));
    const data = fc.oneof(
      fc.tuple(n, n).map(([a, b]) => `p:${a}:${b}`),
      fc.tuple(n, n).map(([a, b]) => `p:${KEY}:${a}:${b}`),
      fc.tuple(n, fc.option(n)).map(([a, b]) => (b === null ? `n:${a}` : `n:${a}:${KEY}:${b}`)),
      n.map((a) => `ex:${KEY}:${a}`),
      n.map((a) => `pg:s:${a}`),
      fuzzText(100),
    );
    const chat = privateChat(77);
    const message = fc.oneof(
      fc.constant(undefined),
      fc.constant({ chat, message_id: 3, date: 0 }), // inaccessible
      fuzzText(300).map((question) => botMessage("جواب", { chat, replyTo: textMessage(asMessageText(question), { chat }) })),
      fuzzText(300).map((question) => botMessage("جواب", { chat, replyTo: { ...botMessage(asMessageText(question), { chat }), from: BOT_USER } })),
      fc.constant(botMessage("جواب بلا سؤال", { chat, keyboard: { inline_keyboard: [[{ text: "x", callback_data: `p:${KEY}:1` }]] } })),
    );
    await fc.assert(
      fc.asyncProperty(data, message, fc.boolean(), async (callbackData, source, inline) => {
        h.calls.length = 0;
        const update = callbackUpdate(callbackData, source as never, user(nextUserId++));
        if (inline) (update.callback_query as Record<string, unknown>).inline_message_id = "inline-1";
        await h.send(update);
        const methods = h.calls.map((call) => call.method);
        expect(methods.filter((m) => m === "answerCallbackQuery")).toHaveLength(1);
        expect(methods.filter((m) => m === "editMessageText" || m === "sendMessage").length).toBeLessThanOrEqual(1);
        expectAllValid(h);
        expect(errors()).toEqual([]);
      }),
      settings(RUNS.buttons),
    );
  });
});

describe("edge inputs get a sensible answer", () => {
  const inPrivate = (text: string) => ({ message: textMessage(text, { from: user(nextUserId), chat: privateChat(nextUserId++) }) });
  const inGroup = (text: string) => ({ message: textMessage(text, { chat: groupChat(), from: user(nextUserId++) }) });

  it.each([
    ["/ask alone in private", () => inPrivate("/ask"), texts.askUsage(EXAMPLE)],
    ["/ask alone in a group", () => inGroup("/ask"), texts.askUsage(EXAMPLE)],
    ["only the bot's mention in private", () => inPrivate("@test_qa_bot"), texts.mentionUsage("test_qa_bot", EXAMPLE)],
    ["only someone else's mention in private", () => inPrivate("@someone_else"), NO_WORDS],
    ["only mentions in private", () => inPrivate("@someone @other_user 🙂"), NO_WORDS],
    ["the bot's mention and emoji in a group", () => inGroup("@test_qa_bot 😀🎉"), NO_WORDS],
    ["the bot's mention and another mention in a group", () => inGroup("@test_qa_bot @someone"), NO_WORDS],
    ["only emoji (ZWJ sequences) in private", () => inPrivate("👨‍👩‍👧‍👦🏳️‍🌈"), NO_WORDS],
    ["only harakat and tatweel in private", () => inPrivate("ـــــَُِّ"), NO_WORDS],
  ])("%s", async (_name, update, expected) => {
    const h = await createHarness();
    await h.send(update());
    expect(h.of("sendMessage").map((call) => call.payload.text)).toEqual([expected]);
  });

  it("/ask@OtherBot in a group and in private is not taken for our /ask", async () => {
    const h = await createHarness();
    await h.send(inGroup("/ask@OtherBot من هو الرئيس التنفيذي لشركة ميتا؟"));
    expect(h.calls).toEqual([]);
    await h.send(inPrivate("/ask@OtherBot من هو الرئيس التنفيذي لشركة ميتا؟"));
    expect(h.of("sendMessage").map((call) => call.payload.text)).toEqual([texts.unknownCommand]);
  });

  it("a @mention with a question in private is answered like the question", async () => {
    const h = await createHarness();
    await h.send(inPrivate("@test_qa_bot من هو الرئيس التنفيذي لشركة ميتا؟"));
    expect(h.of("sendMessage")[0]!.payload.text).toContain("زوكربيرج");
  });

  it("an inline query of exactly 256 characters is answered with quotes", async () => {
    const question = "من هو الرئيس التنفيذي لشركة ميتا؟ ";
    const query = (question + "ميتا ".repeat(60)).slice(0, 256);
    expect(query).toHaveLength(256);
    const h = await createHarness();
    await h.send(inlineUpdate(query));
    const { payload } = h.of("answerInlineQuery")[0]!;
    expect(payload.results.length).toBeGreaterThan(0);
    expect(telegramProblems("answerInlineQuery", payload)).toEqual([]);
  });

  it("the validator itself rejects what Telegram would: bad tags, unbalanced, bare &, too long, lone surrogates, big callback_data", () => {
    expect(textProblems("<b>ok</b> &amp; fine", "HTML")).toEqual([]);
    for (const bad of ["<b>x", "x</b>", "<script>x</script>", "a & b", "<b><i>x</b></i>", "ن".repeat(4097), "\uD800x", "   "]) {
      expect(textProblems(bad, "HTML"), JSON.stringify(bad.slice(0, 20))).not.toEqual([]);
    }
    const keyboard = { inline_keyboard: [[{ text: "زر", callback_data: "ب".repeat(33) }]] };
    expect(telegramProblems("sendMessage", { text: "x", reply_markup: keyboard })).not.toEqual([]);
  });
});
