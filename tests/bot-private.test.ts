// Private chat behaviour, through bot.handleUpdate with the real engine and knowledge.
import { describe, expect, it } from "vitest";
import { documentKey } from "../src/bot/callback-data.ts";
import { MAX_QUESTION_LENGTH, texts } from "../src/bot/texts.ts";
import {
  botMessage,
  buttonData,
  buttonTexts,
  createHarness,
  expectValidOutgoing,
  type Harness,
  privateChat,
  realEngine,
  textMessage,
  user,
  USER_ID,
  visibleText,
  checkedHarnesses,
} from "./support/bot-harness.ts";

const harness = checkedHarnesses();
/** The fixture article in button data, and its first example question. */
const KEY = documentKey(realEngine().knowledge.documents[0]!.id);
const EXAMPLE = realEngine().examples(1)[0];

/** Sends one private text and returns the single sendMessage it caused. */
async function ask(h: Harness, text: string) {
  const message = textMessage(text);
  await h.send({ message });
  expect(h.of("sendMessage")).toHaveLength(1);
  return { message, reply: h.of("sendMessage")[0]!.payload };
}

describe("a question in private", () => {
  it("answers with one HTML message: quote in a blockquote, bold matches, source line, buttons, as a reply", async () => {
    const h = await harness();
    const { message, reply } = await ask(h, "من هو الرئيس التنفيذي لشركة ميتا؟");

    expect(reply.chat_id).toBe(USER_ID);
    expect(reply.parse_mode).toBe("HTML");
    expect(reply.reply_parameters).toEqual({ message_id: message.message_id, allow_sending_without_reply: true });
    expect(reply.link_preview_options).toEqual({ is_disabled: true });
    expect(reply.text).toMatch(/^<blockquote>[^]*زوكربيرج[^]*<\/blockquote>\n/);
    expect(reply.text).toMatch(/<b>[^<]*ميتا[^<]*<\/b>/);
    expect(reply.text).toContain("📖 المصدر: «الرئيسان التنفيذيان لميتا وسبوتيفاي");
    expect(reply.text).toContain("شعاع للمعلوماتية، الفقرة ١");
    expect(reply.text).not.toContain("<a "); // the document has no url
    // The quote is the article's own text, word for word.
    const quote = visibleText(reply.text).split("\n")[0]!;
    expect(realEngine().knowledge.documents[0]!.paragraphs.join("\n")).toContain(quote);

    expect(buttonTexts(reply)).toEqual([texts.buttons.nextResult, texts.buttons.fullParagraph]);
    // «الفقرة كاملة» names the article by a stable key, and the result to come back to.
    expect(buttonData(reply)).toEqual(["n:1", `p:${KEY}:1:0`]);
    // One reply per question, no typing action storm.
    expect(h.calls.map((call) => call.method)).toEqual(["sendMessage"]);
  });

  it("treats /ask <question> in private like a plain question", async () => {
    const h = await harness();
    const { reply } = await ask(h, "/ask من هو الرئيس التنفيذي لشركة ميتا؟");
    expect(reply.text).toContain("زوكربيرج");
  });

  it("says politely when the article does not cover the question, and suggests examples", async () => {
    const h = await harness();
    const { message, reply } = await ask(h, "ما هي عاصمة فرنسا؟");
    expect(reply.text).toBe(texts.noAnswer(1, true));
    expect(reply.reply_parameters.message_id).toBe(message.message_id);
    expect(buttonTexts(reply)).toEqual(realEngine().examples(3));
    expect(buttonData(reply)).toEqual([`ex:${KEY}:0`, `ex:${KEY}:1`, `ex:${KEY}:2`]);
  });

  it.each([
    ["السلام عليكم", texts.salamReply],
    ["السلام عليكم ورحمة الله وبركاته 🌹", texts.salamReply],
    ["مرحبا", texts.greeting],
    ["أهلاً!", texts.greeting],
    ["Hello", texts.greeting],
    ["شكرا", texts.thanksReply],
    ["شكراً جزيلاً", texts.thanksReply],
    ["شكراااا 🙏", texts.thanksReply],
    ["thanks!", texts.thanksReply],
  ])("greets back for %j instead of searching", async (text, expected) => {
    const h = await harness();
    const { reply } = await ask(h, text);
    expect(reply.text).toBe(expected);
  });

  it("still searches when a greeting comes with a question", async () => {
    const h = await harness();
    const { reply } = await ask(h, "مرحبا، من هو الرئيس التنفيذي لشركة ميتا؟");
    expect(reply.text).toContain("<blockquote>");
  });
});

describe("commands", () => {
  it("/start greets, lists what the bot knows and offers 3 example questions as buttons", async () => {
    const h = await harness();
    const { reply } = await ask(h, "/start");
    expect(reply.text).toContain("أهلًا بك");
    expect(reply.text).toContain("الرئيسان التنفيذيان لميتا وسبوتيفاي ينتقدان تنظيم الذكاء الاصطناعي في الاتحاد الأوروبي");
    const examples = realEngine().examples(3);
    expect(examples).toHaveLength(3);
    expect(buttonTexts(reply)).toEqual(examples);
    expect(buttonData(reply)).toEqual([`ex:${KEY}:0`, `ex:${KEY}:1`, `ex:${KEY}:2`]);
    expect(reply.reply_parameters).toBeUndefined(); // no need to quote /start in private
  });

  it("/start help (from the inline button) shows the how-to", async () => {
    const h = await harness();
    const { reply } = await ask(h, "/start help");
    expect(reply.text).toBe(texts.help("test_qa_bot", { inGroup: false, example: EXAMPLE }));
  });

  it("/help explains private, group and inline use, with the bot's own username", async () => {
    const h = await harness();
    const { reply } = await ask(h, "/help");
    expect(reply.text).toContain("في المجموعات");
    expect(reply.text).toContain("/ask");
    expect(reply.text).toContain("@test_qa_bot");
    expect(reply.text).toContain("في أي محادثة");
  });

  it("/about names the article, its publisher, and the original with author and date", async () => {
    const h = await harness();
    const { reply } = await ask(h, "/about");
    const shown = visibleText(reply.text);
    expect(shown).toContain("شعاع للمعلوماتية");
    expect(shown).toContain("Meta and Spotify CEOs criticize AI regulation in the EU");
    expect(shown).toContain("TechCrunch");
    expect(shown).toContain("Sarah Perez");
    expect(shown).toContain("٢٣ أغسطس ٢٠٢٤");
    // Latin runs are isolated so they keep their order inside Arabic lines.
    expect(shown).toContain("\u2066Sarah Perez\u2069");
  });

  it("/sources lists the knowledge documents", async () => {
    const h = await harness();
    const { reply } = await ask(h, "/sources");
    expect(reply.text).toContain("١. «الرئيسان التنفيذيان");
    expect(reply.text).toContain("شعاع للمعلوماتية");
  });

  it("an unknown command gets a hint, not a search", async () => {
    const h = await harness();
    const { reply } = await ask(h, "/weather");
    expect(reply.text).toBe(texts.unknownCommand);
  });
});

describe("odd input in private", () => {
  it.each([
    ["a sticker", { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }],
    ["a photo", { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] }],
    ["a voice message", { voice: { file_id: "v", file_unique_id: "v", duration: 2 } }],
  ])("answers %s with a one-line hint to write the question", async (_name, content) => {
    const h = await harness();
    const message = { message_id: 77, date: 1, chat: privateChat(), from: user(), ...content };
    await h.send({ message } as any);
    expect(h.of("sendMessage")).toHaveLength(1);
    expect(h.of("sendMessage")[0]!.payload.text).toBe(texts.nonTextHint);
    expect(texts.nonTextHint).not.toContain("\n");
  });

  it("ignores edited messages and channel posts", async () => {
    const h = await harness();
    await h.send({ edited_message: { ...textMessage("من هو الرئيس التنفيذي لشركة ميتا؟"), edit_date: 2 } });
    const channel = { id: -100777, type: "channel", title: "قناة" } as const;
    await h.send({ channel_post: { ...textMessage("/start", { chat: channel as any }), from: undefined } as any });
    expect(h.calls).toEqual([]);
  });

  it("ignores our own inline results coming back as messages", async () => {
    const h = await harness();
    const message = textMessage("❓ سؤال\nاقتباس", { extra: { via_bot: { id: 123456, is_bot: true, first_name: "Test QA Bot", username: "test_qa_bot" } } });
    await h.send({ message });
    expect(h.calls).toEqual([]);
  });

  it("refuses a huge message politely and says the limit", async () => {
    const h = await harness();
    const { reply } = await ask(h, "ميتا ".repeat(200));
    expect(reply.text).toBe(texts.tooLong);
    expect(reply.text).toContain("٥٠٠");
    expect(MAX_QUESTION_LENGTH).toBe(500);
  });

  it("answers HTML-looking messages with a short note, and nothing breaks", async () => {
    const h = await harness();
    const { reply } = await ask(h, '<b>ميتا</b> <a href="x">&amp;</a> <script>alert(1)</script>');
    expect(reply.text).toBe(texts.htmlLike);
  });

  it("escapes stray < > & in a real question", async () => {
    const h = await harness();
    const { reply } = await ask(h, "ميتا & سبوتيفاي <> الذكاء الاصطناعي؟");
    expect(reply.parse_mode).toBe("HTML"); // validity is checked after each test
  });

  it.each(["😀😀😀", "؟؟؟", "   ...   "])("asks for words when the message %j has none", async (text) => {
    const h = await harness();
    const { reply } = await ask(h, text);
    expect(reply.text).toBe(texts.noWords(EXAMPLE));
  });
});

describe("flood control", () => {
  it("answers up to the limit, then sends ONE notice per window and drops the rest", async () => {
    const h = await harness({ rateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 6; i++) await h.send({ message: textMessage("من هو الرئيس التنفيذي لشركة ميتا؟") });
    const sent = h.of("sendMessage").map((call) => call.payload.text as string);
    expect(sent).toHaveLength(4);
    expect(sent.slice(0, 3).every((text) => text.includes("<blockquote>"))).toBe(true);
    expect(sent[3]).toBe(texts.rateLimited);
    expect(h.of("sendChatAction")).toHaveLength(0);
  });

  it("limits each user separately", async () => {
    const h = await harness({ rateLimit: { limit: 1, windowMs: 60_000 } });
    await h.send({ message: textMessage("من هو الرئيس التنفيذي لشركة ميتا؟", { from: user(1), chat: privateChat(1) }) });
    await h.send({ message: textMessage("من هو الرئيس التنفيذي لشركة ميتا؟", { from: user(2), chat: privateChat(2) }) });
    expect(h.of("sendMessage").map((call) => call.payload.text).every((text) => text.includes("<blockquote>"))).toBe(true);
    expect(h.of("sendMessage")).toHaveLength(2);
  });

  it("counts questions only: commands, greetings and usage hints never use up the limit", async () => {
    const h = await harness({ rateLimit: { limit: 2, windowMs: 60_000 } });
    for (const text of ["/start", "/help", "/about", "/sources", "/start", "مرحبا", "شكرا", "/ask", "/help"]) {
      await h.send({ message: textMessage(text) });
    }
    expect(h.of("sendMessage").map((call) => call.payload.text)).not.toContain(texts.rateLimited);
    await h.send({ message: textMessage("من هو الرئيس التنفيذي لشركة ميتا؟") });
    await h.send({ message: textMessage("لماذا ستحجب ميتا نموذج Llama عن الاتحاد الأوروبي؟") });
    await h.send({ message: textMessage("ماذا قالت Spotify عن خطة امتثال Apple؟") });
    const last = h.of("sendMessage").slice(-3).map((call) => call.payload.text as string);
    expect(last.slice(0, 2).every((text) => text.includes("<blockquote>"))).toBe(true);
    expect(last[2]).toBe(texts.rateLimited); // the third question is over the limit of 2
  });
});

describe("outgoing calls", () => {
  it("retry after a 429 and the answer still goes out once", async () => {
    const h = await harness();
    h.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 0", parameters: { retry_after: 0 } });
    await h.send({ message: textMessage("مرحبا") });
    expect(h.of("sendMessage")).toHaveLength(2);
    expect(h.of("sendMessage")[1]!.payload.text).toBe(texts.greeting);
  });

  it("a failing send is caught by the error boundary: the user hears about it, nothing throws", async () => {
    const h = await harness();
    h.failNext("sendMessage", { error_code: 400, description: "Bad Request: something odd" });
    await expect(h.send({ message: textMessage("مرحبا") })).resolves.toBeUndefined();
    expect(h.of("sendMessage").map((call) => call.payload.text)).toEqual([texts.greeting, texts.failed]);
  });

  it("replies to a reply to the bot in private like any question", async () => {
    const h = await harness();
    const earlier = botMessage("...");
    await h.send({ message: textMessage("من هو الرئيس التنفيذي لشركة ميتا؟", { replyTo: earlier }) });
    expect(h.of("sendMessage")[0]!.payload.text).toContain("زوكربيرج");
  });
});

describe("a question about the article itself", () => {
  it("answers from the article's details, says so, and offers no paragraph to open", async () => {
    const h = await harness();
    const { reply } = await ask(h, "من كتب المقال؟");
    const text = visibleText(reply.text as string);
    expect(text).toContain("Sarah Perez");
    expect(text).toContain(texts.detailsLabel);
    expect(buttonTexts(reply)).not.toContain(texts.buttons.fullParagraph);
  });

  it("says a detail is unknown rather than invent one", async () => {
    const h = await harness();
    const { reply } = await ask(h, "اعطني رابط المقال");
    const text = visibleText(reply.text as string);
    expect(text).toContain("لا يُعرف رابط");
    expect(text).not.toMatch(/https?:/);
  });
});
