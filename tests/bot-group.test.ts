// Groups: the bot answers only when addressed, and stays silent otherwise.
import { describe, expect, it } from "vitest";
import { documentKey } from "../src/bot/callback-data.ts";
import { texts } from "../src/bot/texts.ts";
import {
  botMessage,
  buttonData,
  createHarness,
  expectValidOutgoing,
  GROUP_ID,
  groupChat,
  type Harness,
  textMessage,
  user,
  checkedHarnesses,
  realEngine,
  visibleText,
} from "./support/bot-harness.ts";

const QUESTION = "من هو الرئيس التنفيذي لشركة ميتا؟";

const harness = checkedHarnesses();

const inGroup = (text: string, options: Parameters<typeof textMessage>[1] = {}) =>
  textMessage(text, { chat: groupChat(), ...options });

/** Sends a group message and returns what the bot sent (sendMessage payloads). */
async function groupSays(h: Harness, message: ReturnType<typeof textMessage>) {
  await h.send({ message });
  return h.of("sendMessage").map((call) => call.payload);
}

describe("addressed in a group", () => {
  it.each([
    ["/ask", `/ask ${QUESTION}`],
    ["/ask@BotName", `/ask@test_qa_bot ${QUESTION}`],
    ["/ask@BotName in other case", `/ask@Test_QA_Bot ${QUESTION}`],
    ["a mention", `@test_qa_bot ${QUESTION}`],
    ["a mention at the end", `${QUESTION} @test_qa_bot`],
  ])("answers %s, replying to the question", async (_name, text) => {
    const h = await harness();
    const message = inGroup(text);
    const [reply, ...rest] = await groupSays(h, message);
    expect(rest).toEqual([]);
    expect(reply!.chat_id).toBe(GROUP_ID);
    expect(reply!.text).toMatch(/<blockquote>[^]*زوكربيرج/);
    expect(reply!.reply_parameters).toEqual({ message_id: message.message_id, allow_sending_without_reply: true });
    expect(buttonData(reply!)).toContain(`p:${documentKey(realEngine().knowledge.documents[0]!.id)}:1:0`);
  });

  it("answers a reply to one of the bot's messages", async () => {
    const h = await harness();
    const earlier = botMessage("...", { chat: groupChat() });
    const message = inGroup(QUESTION, { replyTo: earlier });
    const [reply] = await groupSays(h, message);
    expect(reply!.text).toContain("زوكربيرج");
    expect(reply!.reply_parameters.message_id).toBe(message.message_id);
  });

  it("/ask sent as a reply to someone's message asks that message, and answers it", async () => {
    const h = await harness();
    const original = inGroup(QUESTION, { from: user(7) });
    const [reply, ...rest] = await groupSays(h, inGroup("/ask", { replyTo: original }));
    expect(rest).toEqual([]);
    expect(reply!.text).toContain("زوكربيرج");
    // The answer hangs under the question, so «نتيجة أخرى» can re-read it later.
    expect(reply!.reply_parameters.message_id).toBe(original.message_id);
  });

  it("/ask alone gets a usage hint", async () => {
    const h = await harness();
    const [reply] = await groupSays(h, inGroup("/ask"));
    expect(reply!.text).toBe(texts.askUsage(realEngine().examples(1)[0]));
  });

  it("a bare mention gets a usage hint with the bot's username", async () => {
    const h = await harness();
    const [reply] = await groupSays(h, inGroup("@test_qa_bot"));
    expect(reply!.text).toBe(texts.mentionUsage("test_qa_bot", realEngine().examples(1)[0]));
  });

  it("a mention that is only a thank-you gets a friendly reply", async () => {
    const h = await harness();
    const [reply] = await groupSays(h, inGroup("@test_qa_bot شكرا!"));
    expect(reply!.text).toBe(texts.thanksReply);
  });

  it("/help@BotName works in a group, as a reply", async () => {
    const h = await harness();
    const message = inGroup("/help@test_qa_bot");
    const [reply] = await groupSays(h, message);
    // In a group the group how-to comes first.
    expect(reply!.text).toBe(texts.help("test_qa_bot", { inGroup: true, example: realEngine().examples(1)[0] }));
    expect(visibleText(reply!.text).indexOf("في المجموعات")).toBeLessThan(visibleText(reply!.text).indexOf("في المحادثة الخاصة"));
    expect(reply!.reply_parameters.message_id).toBe(message.message_id);
  });

  it("answers a question that does not match with the polite no-answer", async () => {
    const h = await harness();
    const [reply] = await groupSays(h, inGroup("/ask ما هي عاصمة فرنسا؟"));
    expect(reply!.text).toBe(texts.noAnswer(1, true));
  });
});

describe("not addressed in a group", () => {
  it.each([
    ["plain chatter", () => inGroup(QUESTION)],
    ["a greeting", () => inGroup("السلام عليكم")],
    ["/ask@OtherBot", () => inGroup(`/ask@other_bot ${QUESTION}`)],
    ["another bot's command", () => inGroup("/start@other_bot")],
    ["a mention of someone else", () => inGroup(`@someone ${QUESTION}`)],
    ["a username that only starts like ours", () => inGroup(`@test_qa_bot_fan ${QUESTION}`)],
    ["a reply to another user", () => inGroup(QUESTION, { replyTo: inGroup("سؤال", { from: user(9) }) })],
    ["an unknown command replying to the bot", () => inGroup("/weather", { replyTo: botMessage("...", { chat: groupChat() }) })],
  ])("stays silent for %s", async (_name, make) => {
    const h = await harness();
    await h.send({ message: make() });
    expect(h.calls).toEqual([]);
  });

  it("stays silent for stickers in a group", async () => {
    const h = await harness();
    const sticker = { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false };
    await h.send({ message: { message_id: 3, date: 1, chat: groupChat(), from: user(), sticker } as any });
    expect(h.calls).toEqual([]);
  });

  it("treats the implicit reply to a forum topic's first message as no reply", async () => {
    const h = await harness();
    const topicRoot = botMessage("topic", { chat: groupChat() });
    const message = inGroup(QUESTION, {
      replyTo: topicRoot,
      extra: { is_topic_message: true, message_thread_id: topicRoot.message_id },
    });
    await h.send({ message });
    expect(h.calls).toEqual([]);
  });
});

describe("joining a group", () => {
  const member = (status: string) => ({ status, user: { id: 123456, is_bot: true, first_name: "Test QA Bot" } }) as any;
  const update = (oldStatus: string, newStatus: string, chat: any = groupChat()) => ({
    my_chat_member: {
      chat,
      from: user(),
      date: 1,
      old_chat_member: member(oldStatus),
      new_chat_member: member(newStatus),
    },
  });

  it.each([
    ["left", "member"],
    ["kicked", "member"],
    ["left", "administrator"],
  ])("posts one short how-to when added (%s → %s)", async (from, to) => {
    const h = await harness();
    await h.send(update(from, to));
    expect(h.calls.map((call) => call.method)).toEqual(["sendMessage"]);
    expect(h.calls[0]!.payload.text).toBe(texts.addedToGroup("test_qa_bot"));
  });

  it.each([
    ["member", "administrator"],
    ["member", "left"],
    ["administrator", "kicked"],
  ])("says nothing on %s → %s", async (from, to) => {
    const h = await harness();
    await h.send(update(from, to));
    expect(h.calls).toEqual([]);
  });

  it("says nothing when added to a channel", async () => {
    const h = await harness();
    await h.send(update("left", "administrator", { id: -100555, type: "channel", title: "قناة" }));
    expect(h.calls).toEqual([]);
  });
});
