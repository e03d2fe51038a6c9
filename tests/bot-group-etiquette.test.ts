// Groups that keep the bot: limits that fit how people use it, silence on chatter, follow-ups
// that keep their article, answers only their asker (or an admin) can change, captions,
// the group how-to, and texts that follow the knowledge rather than the shipped article.
import { describe, expect, it } from "vitest";
import { documentKey } from "../src/bot/callback-data.ts";
import { texts } from "../src/bot/texts.ts";
import {
  botMessage,
  buttonData,
  buttonTexts,
  callbackUpdate,
  checkedHarnesses,
  groupChat,
  type Harness,
  instantClock,
  realEngine,
  textMessage,
  user,
  visibleText,
} from "./support/bot-harness.ts";
import { engineOver, manyArticles } from "./support/knowledge.ts";

const QUESTION = "من هو الرئيس التنفيذي لشركة ميتا؟";
const harness = checkedHarnesses();
const sent = (h: Harness) => h.of("sendMessage").map((call) => call.payload);

/** Two articles that both say when something reaches the shops. */
const SHOP = engineOver([
  {
    id: "nova-phone",
    title: "هاتف نوفا الجديد",
    paragraphs: [
      "كشفت شركة نوفا عن هاتفها الجديد نوفا برو بشاشة كبيرة وكاميرا مطورة.",
      "وقالت الشركة إن الهاتف ينزل إلى المحلات في شهر مارس بسعر ثلاثمئة دولار.",
    ],
    examples: ["ما الهاتف الذي كشفت عنه نوفا؟"],
  },
  {
    id: "zeta-watch",
    title: "ساعة زيتا الذكية",
    paragraphs: [
      "أعلنت شركة زيتا عن ساعتها الذكية الجديدة لمتابعة النوم والرياضة.",
      "وأكدت زيتا أن الساعة تنزل إلى المحلات في شهر يونيو المقبل.",
    ],
    examples: ["ما الساعة التي أعلنت عنها زيتا؟", "متى تنزل ساعة زيتا إلى المحلات؟"],
  },
]);

/** The bot's answer in a group as Telegram stores it: a reply to the question, with its buttons. */
async function answerIn(h: Harness, question: string, options: { from?: ReturnType<typeof user>; chat?: ReturnType<typeof groupChat> } = {}) {
  const chat = options.chat ?? groupChat();
  const asked = textMessage(`/ask ${question}`, { chat, from: options.from ?? user(7) });
  await h.send({ message: asked });
  const reply = h.of("sendMessage").at(-1)!.payload;
  h.calls.length = 0;
  return botMessage(reply.text, { chat, replyTo: asked, keyboard: reply.reply_markup });
}

describe("rate limits", () => {
  it("an anonymous admin in two groups: each group's admin has their own limit", async () => {
    const h = await harness({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const anonymous = { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };
    const asAdminOf = (chat: ReturnType<typeof groupChat>) =>
      textMessage(`/ask ${QUESTION}`, { chat, from: anonymous as any, extra: { sender_chat: chat } });
    const groupA = groupChat(-100111);
    const groupB = groupChat(-100222);
    for (let i = 0; i < 3; i++) await h.send({ message: asAdminOf(groupA) });
    await h.send({ message: asAdminOf(groupB) });
    const to = (chat: number) => sent(h).filter((payload) => payload.chat_id === chat).map((payload) => payload.text as string);
    expect(to(groupA.id).map((text) => text === texts.rateLimited)).toEqual([false, false, true]);
    expect(to(groupB.id)).toHaveLength(1);
    expect(to(groupB.id)[0]).toContain("<blockquote>");
  });

  it("button presses have their own, separate limit", async () => {
    const h = await harness({ rateLimit: { limit: 1, windowMs: 60_000 }, buttonLimit: { limit: 3, windowMs: 60_000 } });
    const answer = await answerIn(h, QUESTION);
    for (let i = 0; i < 4; i++) await h.send(callbackUpdate("n:1", answer, user(7)));
    // The question used up the question limit; the presses still work, up to their own.
    expect(h.of("editMessageText")).toHaveLength(3);
    expect(h.of("answerCallbackQuery").at(-1)!.payload.text).toBe(texts.rateLimited);
  });

  it("a busy group: answers past the group limit wait for a slot (said once), none is dropped, in order", async () => {
    const { clock, waits } = instantClock();
    const h = await harness({ clock, groupLimit: { limit: 3, windowMs: 60_000 } });
    const asked = [];
    for (let i = 0; i < 6; i++) {
      const message = textMessage(`/ask ${QUESTION}`, { chat: groupChat(), from: user(100 + i) });
      asked.push(message.message_id);
      await h.send({ message });
    }
    const replies = sent(h);
    expect(replies.filter((payload) => payload.text === texts.groupBusy)).toHaveLength(1);
    const answers = replies.filter((payload) => payload.text.includes("<blockquote>"));
    expect(answers.map((payload) => payload.reply_parameters.message_id)).toEqual(asked);
    // The 4th waited a whole window for the first slot; by then the window had moved on.
    expect(waits).toEqual([60_000]);
  });
});

describe("chatter replies", () => {
  it.each(["هههههه", "تمام", "👍", "والله غالي"])("a reply %j to the bot's answer gets silence", async (chatter) => {
    const h = await harness();
    const answer = await answerIn(h, QUESTION);
    await h.send({ message: textMessage(chatter, { chat: groupChat(), from: user(8), replyTo: answer }) });
    expect(h.calls).toEqual([]);
  });

  it("the same words with /ask or a mention get the polite reply", async () => {
    const h = await harness();
    await h.send({ message: textMessage("/ask تمام", { chat: groupChat() }) });
    await h.send({ message: textMessage("@test_qa_bot 👍", { chat: groupChat() }) });
    expect(sent(h).map((payload) => payload.text)).toEqual([texts.noAnswer(1, true), texts.noWords(realEngine().examples(1)[0])]);
  });

  it("a real question replying to the bot is still answered", async () => {
    const h = await harness();
    const answer = await answerIn(h, QUESTION);
    await h.send({ message: textMessage("لماذا ستحجب ميتا نموذج Llama عن الاتحاد الأوروبي؟", { chat: groupChat(), replyTo: answer }) });
    expect(sent(h)).toHaveLength(1);
    expect(sent(h)[0]!.text).toContain("<blockquote>");
  });
});

describe("follow-ups", () => {
  const followUp = "طيب ومتى ينزل بالمحلات؟";

  it("a reply to the bot's answer is searched first in that answer's article", async () => {
    const h = await harness({ engine: SHOP });
    // Asked on its own, the shelf's best quote is the phone's.
    await h.send({ message: textMessage(`/ask ${followUp}`, { chat: groupChat() }) });
    expect(visibleText(sent(h)[0]!.text)).toContain("الهاتف ينزل إلى المحلات");
    h.calls.length = 0;
    const aboutTheWatch = await answerIn(h, "ما الساعة التي أعلنت عنها زيتا؟");
    expect(aboutTheWatch.text).toContain("ساعة زيتا الذكية");
    await h.send({ message: textMessage(followUp, { chat: groupChat(), replyTo: aboutTheWatch }) });
    expect(visibleText(sent(h)[0]!.text)).toContain("الساعة تنزل إلى المحلات في شهر يونيو");
  });

  it("a follow-up with /ask, in reply to the answer, keeps the article too", async () => {
    const h = await harness({ engine: SHOP });
    const aboutTheWatch = await answerIn(h, "ما الساعة التي أعلنت عنها زيتا؟");
    await h.send({ message: textMessage(`/ask ${followUp}`, { chat: groupChat(), replyTo: aboutTheWatch }) });
    expect(visibleText(sent(h)[0]!.text)).toContain("شهر يونيو");
  });
});

describe("who may change an answer", () => {
  it("another member's press gets a toast and changes nothing; the asker and an admin can", async () => {
    const h = await harness();
    const answer = await answerIn(h, QUESTION, { from: user(7) });
    await h.send(callbackUpdate("n:1", answer, user(8)));
    expect(h.of("editMessageText")).toEqual([]);
    expect(h.of("answerCallbackQuery")[0]!.payload.text).toBe(texts.callback.notYours);
    expect(h.of("answerCallbackQuery")[0]!.payload.text).toContain("/ask");

    await h.send(callbackUpdate(`p:${documentKey(realEngine().knowledge.documents[0]!.id)}:1:0`, answer, user(8)));
    expect(h.of("editMessageText")).toEqual([]);

    await h.send(callbackUpdate("n:1", answer, user(7)));
    expect(h.of("editMessageText")).toHaveLength(1);

    h.admins.add(9);
    await h.send(callbackUpdate("n:1", answer, user(9)));
    expect(h.of("editMessageText")).toHaveLength(2);
  });

  it("paging /sources is anyone's: it changes no answer", async () => {
    const h = await harness({ engine: engineOver(manyArticles(30)) });
    await h.send({ message: textMessage("/sources", { chat: groupChat(), from: user(7) }) });
    const list = botMessage(sent(h)[0]!.text, { chat: groupChat(), keyboard: sent(h)[0]!.reply_markup });
    await h.send(callbackUpdate("pg:s:1", list, user(8)));
    expect(h.of("editMessageText")).toHaveLength(1);
  });
});

describe("captions, /help and joining", () => {
  const photo = (caption: string) =>
    ({
      ...textMessage("x", { chat: groupChat() }),
      text: undefined,
      photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }],
      caption,
      caption_entities: caption.startsWith("/ask") ? [{ type: "bot_command", offset: 0, length: 4 }] : [],
    }) as any;

  it.each([`/ask ${QUESTION}`, `@test_qa_bot ${QUESTION}`])("a photo captioned %j is answered in a group", async (caption) => {
    const h = await harness();
    await h.send({ message: photo(caption) });
    expect(sent(h)).toHaveLength(1);
    expect(sent(h)[0]!.text).toContain("زوكربيرج");
  });

  it("a photo whose caption does not address the bot gets silence", async () => {
    const h = await harness();
    await h.send({ message: photo(QUESTION) });
    await h.send({ message: photo(`/ask@other_bot ${QUESTION}`) });
    expect(h.calls).toEqual([]);
  });

  it("/help is in the group command menu", () => {
    expect(texts.commands.group.map((command) => command.command)).toContain("help");
  });
});

describe("texts follow the knowledge", () => {
  const bare = engineOver([{ id: "plain", title: "مقال بلا أمثلة", paragraphs: ["يتحدث هذا المقال عن الزراعة في الواحات."] }]);

  it("with no examples: no example line anywhere, and /start does not end with «أو جرّب…»", async () => {
    const h = await harness({ engine: bare });
    for (const text of ["/start", "/help", "/ask", "@test_qa_bot", "😀", "ما هي عاصمة فرنسا؟"]) {
      await h.send({ message: textMessage(text) });
    }
    const replies = sent(h).map((payload) => visibleText(payload.text));
    expect(replies).toHaveLength(6);
    for (const reply of replies) {
      expect(reply).not.toMatch(/مثل:|جرّب/);
      expect(reply).not.toContain("ميتا");
    }
    expect(sent(h).every((payload) => payload.reply_markup === undefined)).toBe(true);
  });

  it("with examples: the how-to texts use the knowledge's own", async () => {
    const h = await harness({ engine: SHOP });
    for (const text of ["/help", "/ask", "@test_qa_bot", "😀"]) await h.send({ message: textMessage(text) });
    for (const payload of sent(h)) {
      expect(visibleText(payload.text)).toContain("ما الهاتف الذي كشفت عنه نوفا؟");
      expect(payload.text).not.toContain("ميتا");
    }
  });

  it("the no-answer reply suggests the examples of the closest article first", async () => {
    const h = await harness({ engine: SHOP });
    await h.send({ message: textMessage("كم وزن زيتا؟") });
    const reply = sent(h)[0]!;
    expect(reply.text).toBe(texts.noAnswer(2, true));
    expect(buttonTexts(reply).slice(0, 2)).toEqual(["ما الساعة التي أعلنت عنها زيتا؟", "متى تنزل ساعة زيتا إلى المحلات؟"]);
  });
});

describe("stable buttons across knowledge changes", () => {
  it("a paragraph button still shows its article after another is added before it, and a stale toast once it is gone", async () => {
    const before = await harness({ engine: SHOP });
    const answer = await answerIn(before, "متى تنزل ساعة زيتا إلى المحلات؟");
    const data = buttonData(answer).find((d) => d.startsWith("p:"))!;

    const [nova, zeta] = SHOP.knowledge.documents;
    const added = engineOver([
      { id: "aaa-first", title: "مقال جديد", paragraphs: ["فقرة جديدة عن موضوع آخر تماما."] },
      { id: nova!.id, title: nova!.meta.title, paragraphs: nova!.paragraphs },
      { id: zeta!.id, title: zeta!.meta.title, paragraphs: zeta!.paragraphs },
    ]);
    const after = await harness({ engine: added });
    await after.send(callbackUpdate(data, answer, user(7)));
    expect(after.of("editMessageText")[0]!.payload.text).toContain("ساعة زيتا الذكية");

    const removed = await harness({ engine: engineOver([{ id: nova!.id, title: nova!.meta.title, paragraphs: nova!.paragraphs }]) });
    await removed.send(callbackUpdate(data, answer, user(7)));
    expect(removed.of("editMessageText")).toEqual([]);
    expect(removed.of("answerCallbackQuery")[0]!.payload.text).toBe(texts.callback.stale);
  });

  it("paragraph numbers past 9,999 work", async () => {
    const paragraphs = Array.from({ length: 10_001 }, (_, i) => `الفقرة رقم ${i + 1} من مقال طويل جدا.`);
    const h = await harness({ engine: engineOver([{ id: "long", title: "مقال طويل", paragraphs }]) });
    await h.send(callbackUpdate(`p:${documentKey("long")}:10001`, botMessage("x"), user(7)));
    expect(visibleText(h.of("editMessageText")[0]!.payload.text)).toContain("الفقرة رقم 10001 من مقال طويل جدا.");
  });
});

describe("150 articles", () => {
  const many = engineOver(manyArticles(150));

  it("/start stays short: the count and a few titles", async () => {
    const h = await harness({ engine: many });
    await h.send({ message: textMessage("/start") });
    const text = visibleText(sent(h)[0]!.text);
    expect(text).toContain("١٥٠ مقالًا");
    expect(text.match(/^• /gm)).toHaveLength(5);
    expect(sent(h)[0]!.text.length).toBeLessThan(1500);
  });

  it.each([
    ["/sources", "s", 8],
    ["/about", "a", 30],
  ])("%s is paged with «المزيد», every article reachable", async (command, list, pages) => {
    // 30 presses in a row is past the default button limit (20 per 10 s); not what is tested here.
    const h = await harness({ engine: many, buttonLimit: { limit: 100, windowMs: 10_000 } });
    await h.send({ message: textMessage(command) });
    let message = botMessage(sent(h)[0]!.text, { keyboard: sent(h)[0]!.reply_markup });
    const seen = new Set<string>();
    const collect = (html: string) => {
      for (const match of visibleText(html).matchAll(/مدينة رقم \u2066?(\d+)/g)) seen.add(match[1]!);
    };
    collect(message.text);
    expect(buttonTexts(sent(h)[0]!)).toEqual([texts.buttons.more]);
    for (let page = 1; page < pages; page++) {
      h.calls.length = 0;
      const more = buttonData(message).find((data) => data === `pg:${list}:${page}`);
      expect(more).toBeDefined();
      await h.send(callbackUpdate(more!, message));
      const edit = h.of("editMessageText")[0]!.payload;
      message = botMessage(edit.text, { keyboard: edit.reply_markup });
      collect(edit.text);
    }
    expect(seen.size).toBe(150);
    expect(buttonTexts(message)).toEqual([texts.buttons.previous]); // the last page
  });
});
