// The Telegram side the page needs beyond the Bot API: it queues what you do as updates,
// watches what the bot calls on the emulator, and turns both into events for the page.
// It also holds the inline tab's chat, which the bot is no member of, as on Telegram.
import { performance } from "node:perf_hooks";
import type { InlineKeyboardMarkup, InlineQueryResultArticle, Message, MessageEntity } from "grammy/types";
import { type ApiCall, FakeTelegram, parseTelegramHtml } from "./fake-telegram.ts";
import { FRIEND_CHAT, GROUP, ME, MEMBERS, type Tab, tabOfChat } from "./people.ts";

export type PlaygroundEvent =
  | { type: "message"; tab: Tab; message: Message; elapsedMs?: number }
  | { type: "toast"; text: string }
  | { type: "commands"; commands: Commands };

export interface Commands {
  private: unknown[];
  group: unknown[];
}

export interface InlineAnswer {
  queryId: string;
  results: Array<{ id: string; title: string; description?: string }>;
  /** The button Telegram shows above the results (e.g. when nothing was found). */
  button?: { text: string };
  elapsedMs: number;
}

/** A request the page made that Telegram would refuse too; its message is shown to you. */
export class PlaygroundRefusal extends Error {}

const INLINE_ANSWER_TIMEOUT_MS = 10_000;
/** Answered inline queries kept for picking a result (the newest ones). */
const KEPT_INLINE_ANSWERS = 20;

export class PlaygroundSession {
  private readonly listeners = new Set<(event: PlaygroundEvent) => void>();
  /** When the bot was last given something to answer, per tab: its next output is timed from it. */
  private readonly waitingSince = new Map<Tab, number>();
  private readonly elapsed = new Map<string, number>();
  private readonly inlineChat = new Map<number, Message>();
  /** inline_message_id → message id in the inline tab's chat. */
  private readonly inlineMessageIds = new Map<string, number>();
  private readonly inlineAnswers = new Map<string, InlineQueryResultArticle[]>();
  private readonly pendingInline = new Map<string, (call: ApiCall) => void>();
  private groupJoined = false;
  private nextId = 1;

  constructor(private readonly telegram: FakeTelegram) {
    telegram.onCall((call) => {
      if (call.response?.ok) this.observe(call);
    });
  }

  subscribe(listener: (event: PlaygroundEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Everything the page shows after a (re)load. */
  state() {
    const withTimes = (tab: Tab, messages: Message[]) =>
      messages.map((message) => ({ message, elapsedMs: this.elapsed.get(`${tab}:${message.message_id}`) }));
    return {
      bot: { id: this.telegram.botInfo.id, username: this.telegram.botInfo.username, name: this.telegram.botInfo.first_name },
      me: ME,
      members: MEMBERS,
      group: GROUP,
      friend: FRIEND_CHAT,
      groupJoined: this.groupJoined,
      commands: this.commands(),
      chats: {
        private: withTimes("private", this.telegram.messages(ME.id)),
        group: withTimes("group", this.telegram.messages(GROUP.id)),
        inline: withTimes("inline", [...this.inlineChat.values()]),
      },
    };
  }

  /** You (or, in the group, a member) send a text; privacy mode decides whether the bot sees it. */
  send(tab: "private" | "group", text: string, fromId: number, replyTo?: number): void {
    if (text.trim() === "") throw new PlaygroundRefusal("الرسالة فارغة.");
    const from = MEMBERS.find((member) => member.id === fromId);
    if (!from || (tab === "private" && from.id !== ME.id)) throw new PlaygroundRefusal("لا يوجد عضو بهذا الاسم.");
    const extra = { from, ...(replyTo !== undefined && { replyToMessageId: replyTo }) };
    const queued = this.ifMessageExists(() =>
      tab === "private" ? this.telegram.sendPrivateText(ME.id, text, extra) : this.telegram.sendGroupText(GROUP.id, from.id, text, extra),
    );
    if (queued.update_id !== undefined) this.waitingSince.set(tab, performance.now());
    this.emit({ type: "message", tab, message: queued.message });
  }

  /** Adds the bot to the group, once: it greets the group as when a real user adds it. */
  openGroup(): void {
    if (this.groupJoined) return;
    this.groupJoined = true;
    this.waitingSince.set("group", performance.now());
    this.telegram.addBotToGroup(GROUP, ME.id);
  }

  /** You press an inline button: of a bot message in the private or group tab, or of an inline message. */
  press(tab: Tab, messageId: number, data: string): void {
    if (tab === "inline") {
      const message = this.inlineChat.get(messageId);
      const inlineMessageId = [...this.inlineMessageIds].find(([, id]) => id === messageId)?.[0];
      if (!message || !inlineMessageId) throw new PlaygroundRefusal("لم تعد هذه الرسالة موجودة.");
      this.telegram.pushUpdate({
        callback_query: { id: `pg-${this.nextId++}`, from: ME, inline_message_id: inlineMessageId, chat_instance: "pg-inline", data },
      });
    } else {
      const chatId = tab === "private" ? ME.id : GROUP.id;
      this.ifMessageExists(() => this.telegram.pressButton({ chatId, messageId, userId: ME.id, data }));
    }
    this.waitingSince.set(tab, performance.now());
  }

  /** Asks the bot's inline mode and waits for its answer, as the results list above the keyboard does. */
  async inlineQuery(query: string): Promise<InlineAnswer> {
    const id = `pg-${this.nextId++}`;
    const started = performance.now();
    const answered = new Promise<ApiCall>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingInline.delete(id);
        reject(new PlaygroundRefusal("لم يُجب البوت عن الاستعلام في الوقت المحدد."));
      }, INLINE_ANSWER_TIMEOUT_MS);
      this.pendingInline.set(id, (call) => {
        clearTimeout(timer);
        resolve(call);
      });
    });
    this.telegram.pushUpdate({ inline_query: { id, from: ME, query, offset: "", chat_type: "private" } });
    const call = await answered;
    const elapsedMs = performance.now() - started;
    const results = (call.params.results ?? []) as InlineQueryResultArticle[];
    this.inlineAnswers.set(id, results);
    for (const old of [...this.inlineAnswers.keys()].slice(0, -KEPT_INLINE_ANSWERS)) this.inlineAnswers.delete(old);
    const button = call.params.button as { text: string } | undefined;
    return {
      queryId: id,
      results: results.map(({ id, title, description }) => ({ id, title, ...(description && { description }) })),
      ...(button && { button: { text: button.text } }),
      elapsedMs,
    };
  }

  /** You pick an inline result: it is posted in the friend's chat as your message, "via @bot". */
  pickInline(queryId: string, resultId: string): void {
    const result = this.inlineAnswers.get(queryId)?.find((r) => r.id === resultId);
    if (!result) throw new PlaygroundRefusal("انتهت صلاحية هذه النتائج؛ اكتب الاستعلام من جديد.");
    const content = result.input_message_content as { message_text: string; parse_mode?: string };
    const formatted = this.formatted(content.message_text, content.parse_mode);
    const messageId = this.nextId++;
    const markup = result.reply_markup;
    const message = {
      message_id: messageId,
      from: ME,
      chat: FRIEND_CHAT,
      date: Math.floor(Date.now() / 1000),
      via_bot: { id: this.telegram.botInfo.id, is_bot: true, first_name: this.telegram.botInfo.first_name, username: this.telegram.botInfo.username },
      ...formatted,
      ...(markup && { reply_markup: markup }),
    } as Message;
    if (markup) this.inlineMessageIds.set(`pg-inline-${messageId}`, messageId);
    this.inlineChat.set(messageId, message);
    this.emit({ type: "message", tab: "inline", message });
  }

  private commands(): Commands {
    return { private: this.telegram.commandsFor("all_private_chats"), group: this.telegram.commandsFor("all_group_chats") };
  }

  /** A bot call Telegram accepted: what it changes on screen. */
  private observe(call: ApiCall): void {
    const { method, params } = call;
    if (method === "answerInlineQuery") this.pendingInline.get(String(params.inline_query_id))?.(call);
    else if (method === "answerCallbackQuery" && typeof params.text === "string" && params.text !== "") {
      this.emit({ type: "toast", text: params.text });
    } else if (method === "setMyCommands") this.emit({ type: "commands", commands: this.commands() });
    else if (method === "sendMessage" || method === "editMessageText" || method === "editMessageReplyMarkup") {
      if (params.inline_message_id !== undefined) {
        const edited = this.editInline(method, params);
        if (edited) this.showBotMessage("inline", edited);
        return;
      }
      const message = (call.response as { result: Message }).result;
      const tab = tabOfChat(message.chat.id);
      if (tab) this.showBotMessage(tab, message);
    }
  }

  private showBotMessage(tab: Tab, message: Message): void {
    const since = this.waitingSince.get(tab);
    this.waitingSince.delete(tab);
    const key = `${tab}:${message.message_id}`;
    if (since !== undefined) this.elapsed.set(key, performance.now() - since);
    const elapsedMs = this.elapsed.get(key);
    this.emit({ type: "message", tab, message, ...(elapsedMs !== undefined && { elapsedMs }) });
  }

  /** An edit of a message sent inline: the emulator keeps no such messages, this session does. */
  private editInline(method: string, params: Record<string, unknown>): Message | undefined {
    const id = this.inlineMessageIds.get(String(params.inline_message_id));
    const current = id === undefined ? undefined : this.inlineChat.get(id);
    if (!current) return undefined;
    const markup = params.reply_markup as InlineKeyboardMarkup | undefined;
    const { text: _text, entities: _entities, reply_markup: _markup, ...rest } = current;
    const edited = {
      ...rest,
      ...(method === "editMessageText"
        ? this.formatted(String(params.text), params.parse_mode as string | undefined)
        : { text: current.text, ...(current.entities && { entities: current.entities }) }),
      ...(markup && { reply_markup: markup }),
      edit_date: Math.floor(Date.now() / 1000),
    } as Message;
    this.inlineChat.set(edited.message_id, edited);
    return edited;
  }

  private formatted(text: string, parseMode: string | undefined): { text: string; entities?: MessageEntity[] } {
    if (parseMode?.toLowerCase() !== "html") return { text };
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) throw new PlaygroundRefusal(`رفض تيليجرام نص الرسالة: ${parsed.error}`);
    return parsed.entities.length > 0 ? { text: parsed.text, entities: parsed.entities } : { text: parsed.text };
  }

  /** The emulator throws for a message it does not have (one you reply to, or whose button you press). */
  private ifMessageExists<T>(action: () => T): T {
    try {
      return action();
    } catch {
      throw new PlaygroundRefusal("لم تعد هذه الرسالة موجودة.");
    }
  }

  private emit(event: PlaygroundEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
