// Inline mode and buttons (callback queries), with the real engine.
import { describe, expect, it } from "vitest";
import { documentKey } from "../src/bot/callback-data.ts";
import { texts } from "../src/bot/texts.ts";
import {
  botMessage,
  buttonData,
  buttonTexts,
  callbackUpdate,
  createHarness,
  expectValidOutgoing,
  groupChat,
  type Harness,
  inlineUpdate,
  realEngine,
  textMessage,
  visibleText,
  checkedHarnesses,
} from "./support/bot-harness.ts";

const QUESTION = "من هو الرئيس التنفيذي لشركة ميتا؟";

const harness = checkedHarnesses();
/** The fixture article in button data. */
const KEY = documentKey(realEngine().knowledge.documents[0]!.id);

describe("inline mode", () => {
  it("returns up to 5 article results, each a quote with its source", async () => {
    const h = await harness();
    await h.send(inlineUpdate(QUESTION));
    const [call] = h.of("answerInlineQuery");
    const { results, cache_time, is_personal } = call!.payload;
    expect(cache_time).toBeLessThanOrEqual(60);
    expect(is_personal).toBe(false);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    expect(new Set(results.map((r: any) => r.id)).size).toBe(results.length);
    for (const result of results) {
      expect(result.type).toBe("article");
      expect(result.title).toMatch(/^الفقرة [٠-٩]+ — /);
      expect(result.description.length).toBeLessThanOrEqual(120);
      const content = result.input_message_content;
      expect(content.parse_mode).toBe("HTML");
      expect(content.link_preview_options).toEqual({ is_disabled: true });
      expect(content.message_text).toContain("<blockquote>");
      expect(content.message_text).toContain("📖 المصدر:");
      expect(content.message_text).toContain(QUESTION); // echoed: the chat did not see it
      expect(buttonData(result)).toEqual([expect.stringMatching(new RegExp(`^p:${KEY}:\\d+$`))]);
    }
    expect(results[0].input_message_content.message_text).toContain("زوكربيرج");
  });

  it("an empty query offers the example questions, each sent with its answer", async () => {
    const h = await harness();
    await h.send(inlineUpdate("  "));
    const { results } = h.of("answerInlineQuery")[0]!.payload;
    expect(results.map((r: any) => r.title)).toEqual(realEngine().examples(3));
    for (const result of results) expect(result.input_message_content.message_text).toContain("<blockquote>");
  });

  it("a query the article does not answer gets no results and a button to the how-to", async () => {
    const h = await harness();
    await h.send(inlineUpdate("ما هي عاصمة فرنسا؟"));
    const { results, button } = h.of("answerInlineQuery")[0]!.payload;
    expect(results).toEqual([]);
    expect(button).toEqual({ text: texts.inline.noAnswer, start_parameter: "help" });
  });

  it("an emoji-only query gets no results", async () => {
    const h = await harness();
    await h.send(inlineUpdate("😀😀"));
    expect(h.of("answerInlineQuery")[0]!.payload.results).toEqual([]);
  });
});

/** The bot's answer to `question`, as Telegram would store it: a reply to the question, with buttons. */
async function answeredMessage(h: Harness, questionText = QUESTION, chat = undefined as any) {
  const question = textMessage(questionText, chat ? { chat } : {});
  await h.send({ message: question });
  const sent = h.of("sendMessage").at(-1)!.payload;
  h.calls.length = 0;
  return botMessage(sent.text, { chat: question.chat, replyTo: question, keyboard: sent.reply_markup });
}

describe("buttons", () => {
  it("«نتيجة أخرى» edits the answer to show the next result, with the next button", async () => {
    const h = await harness();
    const answer = await answeredMessage(h);
    await h.send(callbackUpdate("n:1", answer));

    expect(h.calls.map((call) => call.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(h.of("answerCallbackQuery")[0]!.payload.text).toBeUndefined();
    const edit = h.of("editMessageText")[0]!.payload;
    expect(edit.message_id).toBe(answer.message_id);
    expect(edit.parse_mode).toBe("HTML");
    const second = realEngine().answer(QUESTION).results[1]!;
    expect(visibleText(edit.text)).toContain(second.quote);
    expect(buttonData(edit)).toEqual(["n:2", `p:${KEY}:${second.paragraph}:1`]);
  });

  it("the last result has no «نتيجة أخرى» button", async () => {
    const h = await harness();
    const answer = await answeredMessage(h);
    const last = realEngine().answer(QUESTION).results.length - 1;
    await h.send(callbackUpdate(`n:${last}`, answer));
    expect(buttonData(h.of("editMessageText")[0]!.payload)).toEqual([expect.stringMatching(new RegExp(`^p:${KEY}:\\d+:${last}$`))]);
  });

  it("works in groups too, re-reading a /ask@Bot question", async () => {
    const h = await harness();
    const answer = await answeredMessage(h, `/ask@test_qa_bot ${QUESTION}`, groupChat());
    await h.send(callbackUpdate("n:1", answer));
    const second = realEngine().answer(QUESTION).results[1]!;
    expect(visibleText(h.of("editMessageText")[0]!.payload.text)).toContain(second.quote);
  });

  it("«الفقرة كاملة» edits the answer to the whole paragraph, with «رجوع إلى الاقتباس» and «نتيجة أخرى»", async () => {
    const h = await harness();
    const answer = await answeredMessage(h);
    await h.send(callbackUpdate(`p:${KEY}:1:0`, answer));
    const edit = h.of("editMessageText")[0]!.payload;
    const paragraph = realEngine().knowledge.documents[0]!.paragraphs[0]!;
    expect(paragraph.length).toBeGreaterThan(500);
    expect(edit.text.startsWith("<blockquote expandable>")).toBe(true);
    expect(visibleText(edit.text)).toContain(paragraph);
    expect(edit.text).toContain("الفقرة ١");
    expect(buttonTexts(edit)).toEqual([texts.buttons.backToQuote, texts.buttons.nextResult]);
    expect(buttonData(edit)).toEqual(["n:0", "n:1"]);

    // «رجوع إلى الاقتباس» shows the first quote again, with its buttons.
    const paragraphView = botMessage(edit.text, { replyTo: answer.reply_to_message, keyboard: edit.reply_markup });
    h.calls.length = 0;
    await h.send(callbackUpdate("n:0", paragraphView));
    const back = h.of("editMessageText")[0]!.payload;
    expect(visibleText(back.text)).toContain(realEngine().answer(QUESTION).results[0]!.quote);
    expect(buttonData(back)).toEqual(["n:1", `p:${KEY}:1:0`]);
  });

  it("«الفقرة كاملة» of an example answer keeps its ❓ question", async () => {
    const h = await harness();
    const example = realEngine().examples(3)[1]!;
    await h.send(callbackUpdate(`p:${KEY}:2:0:${KEY}:1`, botMessage("answer")));
    const edit = h.of("editMessageText")[0]!.payload;
    expect(edit.text.startsWith(`❓ <b>${example}</b>\n<blockquote`)).toBe(true);
    expect(buttonData(edit)).toEqual([`n:0:${KEY}:1`]);
  });

  it("a short paragraph is shown in a plain blockquote", async () => {
    const h = await harness();
    const answer = await answeredMessage(h);
    const documents = realEngine().knowledge.documents[0]!.paragraphs;
    const short = documents.findIndex((p) => p.length <= 500) + 1;
    await h.send(callbackUpdate(`p:${KEY}:${short}`, answer));
    expect(h.of("editMessageText")[0]!.payload.text.startsWith("<blockquote>")).toBe(true);
  });

  it("an example button asks that example: one new message that repeats the question", async () => {
    const h = await harness();
    const welcome = botMessage("welcome");
    await h.send(callbackUpdate(`ex:${KEY}:1`, welcome));
    expect(h.calls.map((call) => call.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    const sent = h.of("sendMessage")[0]!.payload;
    const example = realEngine().examples(3)[1]!;
    expect(sent.text).toContain(`❓ <b>${example}</b>`);
    expect(sent.text).toContain("<blockquote>");
    expect(buttonData(sent)[0]).toBe(`n:1:${KEY}:1`);

    // «نتيجة أخرى» on an example answer knows the question from its data.
    const exampleAnswer = botMessage(sent.text, { keyboard: sent.reply_markup });
    h.calls.length = 0;
    await h.send(callbackUpdate(`n:1:${KEY}:1`, exampleAnswer));
    const edit = h.of("editMessageText")[0]!.payload;
    expect(visibleText(edit.text)).toContain(realEngine().answer(example).results[1]!.quote);
    expect(buttonData(edit)[0]).toBe(`n:2:${KEY}:1`);
  });

  it("«الفقرة كاملة» works on inline messages (no message, an inline_message_id)", async () => {
    const h = await harness();
    const update = callbackUpdate(`p:${KEY}:3`);
    (update.callback_query as any).inline_message_id = "inline-1";
    await h.send(update);
    const edit = h.of("editMessageText")[0]!.payload;
    expect(edit.inline_message_id).toBe("inline-1");
    expect(edit.reply_markup).toBeUndefined();
  });

  it.each([
    "hello",
    "",
    "n:",
    "n:99",
    "n:-1",
    "n:01",
    `n:1:${KEY}:99`,
    `p:${KEY}:999`,
    "p:zzzzzz:1", // an article that is gone
    `p:${KEY}:0`,
    "p:x:1",
    "p:0:1", // the old positional form
    `ex:${KEY}:7`,
    "ex:zzzzzz:0",
    "ex:1",
    "n:1".padEnd(64, "9"),
    "<b>",
  ])("tampered data %j gets a polite answer and changes nothing", async (data) => {
    const h = await harness();
    const answer = await answeredMessage(h);
    await expect(h.send(callbackUpdate(data, answer))).resolves.toBeUndefined();
    expect(h.calls.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    expect(h.calls[0]!.payload.text).toMatch(/[\u0600-\u06FF]/);
  });

  it("«نتيجة أخرى» when the question is gone (deleted, or no reply) asks to send it again", async () => {
    const h = await harness();
    await h.send(callbackUpdate("n:1", botMessage("answer without its question")));
    expect(h.calls.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    expect(h.calls[0]!.payload.text).toBe(texts.callback.questionGone);
  });

  it("an inaccessible (too old) message is handled politely", async () => {
    const h = await harness();
    const old = { chat: { id: 42, type: "private", first_name: "U" }, message_id: 3, date: 0 };
    await h.send(callbackUpdate("n:1", old as any));
    expect(h.calls[0]!.payload.text).toBe(texts.callback.questionGone);
  });

  it("a double press (Telegram: message is not modified) is swallowed", async () => {
    const h = await harness();
    const answer = await answeredMessage(h);
    h.failNext("editMessageText", { error_code: 400, description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same" });
    await h.send(callbackUpdate("n:1", answer));
    expect(h.calls.map((call) => call.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
  });
});
