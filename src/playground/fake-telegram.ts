/**
 * A local Telegram Bot API emulator, shared by the tests (Telegram itself is
 * unreachable from CI) and the playground (`npm start` without a token). It speaks the real HTTP protocol on 127.0.0.1, so grammY's own
 * client, long polling and error classes are exercised unchanged:
 *
 *   const fake = await FakeTelegram.start();
 *   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
 *   void bot.start();
 *   fake.sendPrivateText(42, "/start");
 *   const call = await fake.waitFor("sendMessage");
 *   await bot.stop();
 *   await fake.stop();
 *
 * It keeps just enough state to be realistic: an update queue with
 * offset/long-poll semantics, per-chat message ids and a message store (so
 * replies, edits and deletes of unknown messages fail like on Telegram), bot
 * commands, webhook state and issued callback/inline query ids. Validation
 * copies Telegram's wording where it is cheap and useful (HTML parsing,
 * lengths, callback_data size, replies to unknown messages).
 *
 * Only `node:http` is used. Nothing is ever logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface FakeTelegramOptions {
  /** Valid bot token. Default "123456:TEST-token-abcdefghijklmnopqrstuvwxyz". */
  token?: string;
  /** getMe username. Default "test_qa_bot". */
  botUsername?: string;
  /** getMe id. Defaults to the numeric prefix of the token, like on Telegram. */
  botId?: number;
  /** getMe first_name. Default "Test QA Bot". */
  botFirstName?: string;
  /**
   * Group privacy mode, as Telegram applies it to bots by default: group messages that are
   * not commands, mentions of the bot or replies to it are stored (they can be replied to)
   * but never delivered. Default false, so tests see the bot ignore them itself.
   */
  groupPrivacy?: boolean;
  /**
   * Keep every call in `calls` (default true). A long-running playground turns it off;
   * waitFor then sees only calls still to come.
   */
  recordCalls?: boolean;
}

export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export type ApiResponse = { ok: true; result: unknown } | ({ ok: false } & ApiErrorBody);

export interface ApiCall {
  /** Canonical method name ("sendMessage" even if the URL said "sendmessage"). */
  method: string;
  /** Parameters from the JSON/form body and the query string. */
  params: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
  /**
   * What the emulator answered. Undefined while a long poll is being held, if
   * the client went away before it was answered, or after failNetwork().
   */
  response?: ApiResponse;
}

export type CallPredicate = (call: ApiCall, index: number) => boolean;

/** Optional overrides for sendPrivateText/sendGroupText. */
export interface IncomingTextExtra {
  /** Merged over the default sender. */
  from?: Partial<User>;
  /** Merged over the default chat object. */
  chat?: Record<string, unknown>;
  /** Make the message a reply to this (existing) message of the same chat. */
  replyToMessageId?: number;
  /** Replaces the automatically detected bot_command/mention entities. */
  entities?: MessageEntity[];
  /** Merged last into the message, e.g. { message_thread_id: 7 }. */
  message?: Record<string, unknown>;
}

export interface QueuedMessage {
  update_id: number;
  message_id: number;
  message: Message;
}

/** A group message: privacy mode (groupPrivacy) may keep it from the bot, leaving no update. */
export type GroupMessage = Omit<QueuedMessage, "update_id"> & { update_id: number | undefined };

export type HtmlParseResult =
  | { ok: true; text: string; entities: MessageEntity[] }
  | { ok: false; error: string };

// ---------------------------------------------------------------------------
// HTML parse mode
// ---------------------------------------------------------------------------

const HTML_TAGS = new Set([
  "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
  "span", "tg-spoiler", "code", "pre", "blockquote", "tg-emoji",
]);

const NAMED_ENTITIES: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };

/**
 * Decodes the character reference starting at `pos` (which holds "&") the way
 * Telegram does: &lt; &gt; &amp; &quot; and numeric references, with the ";"
 * optional. Returns undefined when it is not a reference Telegram understands.
 */
function decodeEntity(s: string, pos: number): { codePoint: number; next: number } | undefined {
  let end = pos + 1;
  let codePoint = 0;
  if (s[end] === "#") {
    end++;
    const hex = s[end] === "x";
    if (hex) end++;
    const digit = hex ? /[0-9a-fA-F]/ : /[0-9]/;
    while (end < s.length && digit.test(s[end]!)) {
      codePoint = codePoint * (hex ? 16 : 10) + parseInt(s[end]!, 16);
      end++;
    }
    if (codePoint === 0 || codePoint >= 0x10ffff || end - pos >= 10) return undefined;
  } else {
    while (end < s.length && /[A-Za-z]/.test(s[end]!)) end++;
    const named = NAMED_ENTITIES[s.slice(pos + 1, end)];
    if (named === undefined) return undefined;
    codePoint = named;
  }
  if (s[end] === ";") end++;
  return { codePoint, next: end };
}

const isHtmlSpace = (ch: string | undefined): boolean =>
  ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v";

/** Tags that become an entity of their kind and nothing more. */
const PLAIN_ENTITIES: Record<string, "bold" | "italic" | "underline" | "strikethrough" | "spoiler"> = {
  b: "bold", strong: "bold", i: "italic", em: "italic", u: "underline", ins: "underline",
  s: "strikethrough", strike: "strikethrough", del: "strikethrough", span: "spoiler", "tg-spoiler": "spoiler",
};

/**
 * Parses text in Telegram's HTML parse mode into plain text plus entities
 * (offsets in UTF-16 code units, like the Bot API). Error strings copy
 * Telegram's (tdlib's) wording; the server prefixes them with
 * "Bad Request: can't parse entities: ".
 *
 * Deliberately stricter than Telegram in one place: a "&" that does not start
 * &lt; &gt; &amp; &quot; or a numeric reference is an error here, whereas
 * Telegram silently shows it literally (so "&nbsp;" or "&apos;" would appear
 * verbatim in the chat). Inside attribute values a bare "&" is tolerated,
 * because raw "&" in href query strings is common and harmless.
 */
export function parseTelegramHtml(html: string): HtmlParseResult {
  const fail = (error: string): HtmlParseResult => ({ ok: false, error });
  // Telegram reports positions as UTF-8 byte offsets into the original markup.
  const byteAt = (index: number): number => Buffer.byteLength(html.slice(0, index), "utf8");
  const len = html.length;

  let text = "";
  const entities: MessageEntity[] = [];
  // Language of a <code class="language-x"> that may be merged into an enclosing <pre>.
  const codeLanguage = new Map<MessageEntity, string>();
  const stack: Array<{ name: string; arg: string; offset: number }> = [];

  let i = 0;
  while (i < len) {
    const ch = html[i]!;
    if (ch === "&") {
      const decoded = decodeEntity(html, i);
      if (decoded === undefined) {
        return fail(
          `Unsupported HTML entity or unescaped "&" at byte offset ${byteAt(i)} ` +
            `(Telegram would show it literally; write "&" as &amp;)`,
        );
      }
      if (decoded.codePoint >= 0xd800 && decoded.codePoint <= 0xdfff) {
        return fail(
          "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units",
        );
      }
      text += String.fromCodePoint(decoded.codePoint);
      i = decoded.next;
      continue;
    }
    if (ch !== "<") {
      text += ch;
      i++;
      continue;
    }

    const begin = i;
    i++;
    if (html[i] !== "/") {
      // ---- start tag -------------------------------------------------------
      while (i < len && !isHtmlSpace(html[i]) && html[i] !== ">") i++;
      if (i >= len) return fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      const name = html.slice(begin + 1, i).toLowerCase();
      if (!HTML_TAGS.has(name)) {
        return fail(`Unsupported start tag "${name}" at byte offset ${byteAt(begin)}`);
      }

      let arg = "";
      while (html[i] !== ">") {
        while (i < len && isHtmlSpace(html[i])) i++;
        if (i >= len) return fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
        if (html[i] === ">") break;

        const attrBegin = i;
        while (i < len && !isHtmlSpace(html[i]) && html[i] !== "=" && html[i] !== ">") i++;
        const attrName = html.slice(attrBegin, i);
        if (attrName === "") {
          return fail(`Empty attribute name in the tag "${name}" at byte offset ${byteAt(begin)}`);
        }
        while (i < len && isHtmlSpace(html[i])) i++;
        if (html[i] !== "=") {
          // The only valueless attribute Telegram knows: <blockquote expandable>.
          if (name === "blockquote" && attrName === "expandable") {
            arg = "expandable";
            continue;
          }
          if (i >= len) return fail(`Unclosed start tag "${name}" at byte offset ${byteAt(begin)}`);
          return fail(
            `Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteAt(begin)}`,
          );
        }
        i++;
        while (i < len && isHtmlSpace(html[i])) i++;
        if (i >= len) return fail(`Unclosed start tag "${name}" at byte offset ${byteAt(begin)}`);

        let value = "";
        const quote = html[i];
        if (quote !== '"' && quote !== "'") {
          // Unquoted "name token": letters, digits, "." and "-", case-insensitive.
          const tokenBegin = i;
          while (i < len && /[A-Za-z0-9.-]/.test(html[i]!)) i++;
          value = html.slice(tokenBegin, i).toLowerCase();
          if (i >= len) return fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
          if (!isHtmlSpace(html[i]) && html[i] !== ">") {
            return fail(`Unexpected end of name token at byte offset ${byteAt(tokenBegin)}`);
          }
        } else {
          i++;
          while (i < len && html[i] !== quote) {
            if (html[i] === "&") {
              const decoded = decodeEntity(html, i);
              if (decoded !== undefined) {
                value += String.fromCodePoint(decoded.codePoint);
                i = decoded.next;
                continue;
              }
            }
            value += html[i];
            i++;
          }
          if (i >= len) return fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
          i++; // closing quote
          if (i >= len) return fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
        }

        if (name === "a" && attrName === "href") arg = value;
        else if (name === "code" && attrName === "class" && value.startsWith("language-")) arg = value.slice(9);
        else if (name === "span" && attrName === "class" && value.startsWith("tg-")) arg = value.slice(3);
        else if (name === "tg-emoji" && attrName === "emoji-id") arg = value;
      }
      if (name === "span" && arg !== "spoiler") {
        return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(begin)}`);
      }
      i++; // ">"
      stack.push({ name, arg, offset: text.length });
      continue;
    }

    // ---- end tag -----------------------------------------------------------
    if (stack.length === 0) return fail(`Unexpected end tag at byte offset ${byteAt(begin)}`);
    i++; // "/"
    const nameBegin = i;
    while (i < len && !isHtmlSpace(html[i]) && html[i] !== ">") i++;
    const endName = html.slice(nameBegin, i);
    while (i < len && isHtmlSpace(html[i])) i++;
    if (html[i] !== ">") return fail(`Unclosed end tag at byte offset ${byteAt(begin)}`);
    i++;
    const open = stack.pop()!;
    // Like Telegram, "</>" closes anything and the comparison is case-sensitive.
    if (endName !== "" && endName !== open.name) {
      return fail(
        `Unmatched end tag at byte offset ${byteAt(begin)}, expected "</${open.name}>", found "</${endName}>"`,
      );
    }
    const offset = open.offset;
    const length = text.length - offset;
    if (length <= 0) continue; // empty elements produce no entity

    const plain = PLAIN_ENTITIES[open.name];
    if (plain) {
      entities.push({ type: plain, offset, length });
      continue;
    }
    switch (open.name) {
      case "blockquote":
        entities.push({ type: open.arg === "expandable" ? "expandable_blockquote" : "blockquote", offset, length });
        break;
      case "a": {
        // <a> without href links to its own text, as on Telegram.
        const url = open.arg !== "" ? open.arg : text.slice(offset);
        if (url !== "") entities.push({ type: "text_link", offset, length, url });
        break;
      }
      case "tg-emoji":
        if (!/^[0-9]+$/.test(open.arg) || /^0+$/.test(open.arg)) {
          return fail("Invalid custom emoji identifier specified");
        }
        entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: open.arg });
        break;
      case "code": {
        const entity: MessageEntity = { type: "code", offset, length };
        if (open.arg !== "") codeLanguage.set(entity, open.arg);
        entities.push(entity);
        break;
      }
      case "pre": {
        // <pre><code class="language-x">…</code></pre> becomes one pre entity with a language.
        const last = entities.at(-1);
        const language = last ? codeLanguage.get(last) : undefined;
        const pre: MessageEntity = language !== undefined
          ? { type: "pre", offset, length, language }
          : { type: "pre", offset, length };
        if (last && last.type === "code" && last.offset === offset && last.length === length) {
          entities[entities.length - 1] = pre;
        } else {
          entities.push(pre);
        }
        break;
      }
    }
  }
  if (stack.length > 0) {
    return fail(`Can't find end tag corresponding to start tag "${stack.at(-1)!.name}"`);
  }
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text, entities };
}

// ---------------------------------------------------------------------------
// Incoming-text entity detection (what Telegram adds to user messages)
// ---------------------------------------------------------------------------

// Ports of tdlib's matchers; "word characters" are Unicode letters/digits and "_",
// so "/start" glued to Arabic letters is (correctly) not a command.
const BOT_COMMAND_RE = /(?<![\p{L}\p{N}_/<>])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\p{L}\p{N}_/<>])/gu;
const MENTION_RE = /(?<![\p{L}\p{N}_])@[A-Za-z0-9_]{2,32}(?![\p{L}\p{N}_])/gu;

/** bot_command and mention entities Telegram would attach to an incoming text. */
export function detectIncomingEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const m of text.matchAll(BOT_COMMAND_RE)) {
    entities.push({ type: "bot_command", offset: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(MENTION_RE)) {
    entities.push({ type: "mention", offset: m.index, length: m[0].length });
  }
  return entities.sort((a, b) => a.offset - b.offset);
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const MAX_TEXT_LENGTH = 4096;
const MAX_CALLBACK_DATA_BYTES = 64;

const CONFLICT_OTHER_POLL =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid";

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

/** set/getMy<X> → the parameter and result field holding the text. */
const BOT_TEXT_FIELDS: Record<string, string> = {
  MyDescription: "description",
  MyShortDescription: "short_description",
  MyName: "name",
};

const INLINE_BUTTON_ACTIONS = [
  "url", "callback_data", "web_app", "login_url", "switch_inline_query",
  "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
];

/** Thrown inside request handling to answer with an API error. */
class ApiFailure extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.description);
  }
}

const badRequest = (description: string): ApiFailure =>
  new ApiFailure({ error_code: 400, description: `Bad Request: ${description}` });

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Telegram accepts "123" wherever an integer is expected. */
function optInt(params: Record<string, unknown>, key: string): number | undefined {
  const v = params[key];
  if (typeof v === "number" && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

function optBool(params: Record<string, unknown>, key: string): boolean {
  const v = params[key];
  return v === true || v === "true" || v === 1 || v === "1";
}

function optString(params: Record<string, unknown>, key: string): string | undefined {
  const v = params[key];
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return undefined;
}

/** Objects may arrive JSON-serialized (form/query encoding), as Telegram allows. */
function optObject(params: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  let v = params[key];
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      throw badRequest(`can't parse ${key} JSON object`);
    }
  }
  return isRecord(v) ? v : undefined;
}

/** Form and query values are strings; JSON-looking ones are decoded like Telegram does. */
function coerceFormValue(v: string): unknown {
  const t = v.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch {
      return v;
    }
  }
  return v;
}

/** Every method the emulator answers, keyed by lower case (Telegram ignores case). */
const KNOWN_METHODS = new Map(
  [
    "getMe", "logOut", "close", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo",
    "sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage", "sendChatAction",
    "answerCallbackQuery", "answerInlineQuery", "setMyCommands", "deleteMyCommands", "getMyCommands",
    "setChatMenuButton", "getChatMenuButton", "setMyDescription", "getMyDescription",
    "setMyShortDescription", "getMyShortDescription", "setMyName", "getMyName", "getChat",
    "setMessageReaction",
  ].map((m) => [m.toLowerCase(), m] as const),
);

interface ChatState {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, Message>;
}

interface PendingPoll {
  call: ApiCall;
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout;
}

interface FailureRule {
  method: string;
  remaining: number;
  kind: "error" | "network" | "hang";
  body?: ApiErrorBody;
}

interface Waiter {
  predicate: CallPredicate;
  resolve: (call: ApiCall) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

// ---------------------------------------------------------------------------
// The emulator
// ---------------------------------------------------------------------------

export class FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every API call received (any method, including failed ones), in arrival order. */
  calls: ApiCall[] = [];

  private readonly server: Server;
  private readonly queue: Update[] = [];
  private nextUpdateId = 100_000;
  private pendingPoll: PendingPoll | undefined;
  private flushScheduled = false;
  private readonly chats = new Map<number, ChatState>();
  private readonly openQueries = new Set<string>();
  private nextQueryId = 1;
  private readonly failures: FailureRule[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly inFlight = new Set<ServerResponse>();
  private readonly commands = new Map<string, unknown[]>();
  private readonly botTexts = new Map<string, string>();
  private menuButton: unknown = { type: "commands" };
  private webhookUrl = "";
  private stopped = false;
  private readonly callListeners = new Set<(call: ApiCall) => void>();
  private readonly groupPrivacy: boolean;
  private readonly recordCalls: boolean;
  private callCount = 0;

  private constructor(server: Server, apiRoot: string, opts: FakeTelegramOptions) {
    this.server = server;
    this.apiRoot = apiRoot;
    this.token = opts.token ?? "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";
    this.groupPrivacy = opts.groupPrivacy ?? false;
    this.recordCalls = opts.recordCalls ?? true;
    const idFromToken = Number(this.token.split(":")[0]);
    this.botInfo = testBotInfo({
      id: opts.botId ?? (Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 123456),
      ...(opts.botFirstName && { first_name: opts.botFirstName }),
      ...(opts.botUsername && { username: opts.botUsername }),
    });
  }

  /** Starts an emulator on 127.0.0.1 with a random free port. */
  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    let fake: FakeTelegram | undefined;
    const server = createServer((req, res) => {
      // The constructor runs before listen() resolves, so `fake` is always set here.
      void fake!.handle(req, res).catch((err: unknown) => {
        FakeTelegram.respond(res, {
          ok: false,
          error_code: 500,
          description: `Internal Server Error: FakeTelegram crashed: ${String(err)}`,
        });
      });
    });
    // Node closes idle keep-alive sockets after 5 s by default; a client reusing
    // one at that instant gets ECONNRESET. Outlive every client-side pool instead;
    // stop() closes all connections anyway.
    server.keepAliveTimeout = 120_000;
    server.headersTimeout = 125_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    fake = new FakeTelegram(server, `http://127.0.0.1:${port}`, opts);
    return fake;
  }

  // ---- updates --------------------------------------------------------------

  /**
   * Queues an update (update_id is assigned, increasing) and wakes a waiting
   * long poll. Updates pushed synchronously one after another are delivered
   * together. Messages are remembered so the bot can reply to them; callback
   * and inline query ids become answerable.
   */
  pushUpdate(update: Omit<Update, "update_id">, options: { redeliver?: number } = {}): number {
    // `redeliver`: the update_id of an update already pushed, sent again as Telegram does
    // when it thinks the bot missed it.
    const full = { ...clone(update), update_id: options.redeliver ?? this.nextUpdateId++ } as Update;
    for (const msg of [full.message, full.edited_message, full.channel_post, full.edited_channel_post]) {
      if (msg) this.remember(msg);
    }
    if (full.callback_query) this.openQueries.add(full.callback_query.id);
    if (full.inline_query) this.openQueries.add(full.inline_query.id);
    this.queue.push(full);
    this.scheduleFlush();
    return full.update_id;
  }

  /** Queues a text message from a user in their private chat with the bot. */
  sendPrivateText(userId: number, text: string, extra: IncomingTextExtra = {}): QueuedMessage {
    const from = this.user(userId, extra.from);
    const chat = {
      id: userId,
      type: "private",
      first_name: from.first_name,
      ...(from.last_name !== undefined ? { last_name: from.last_name } : {}),
      ...(from.username !== undefined ? { username: from.username } : {}),
      ...extra.chat,
    } as Chat;
    return this.queueText(chat, from, text, extra) as QueuedMessage;
  }

  /** Queues a text message from a user in a supergroup (use ids like -100…). */
  sendGroupText(chatId: number, userId: number, text: string, extra: IncomingTextExtra = {}): GroupMessage {
    const known = this.chats.get(chatId)?.chat;
    const chat = {
      ...(known ?? { id: chatId, type: "supergroup", title: `Test group ${chatId}` }),
      ...extra.chat,
    } as Chat;
    return this.queueText(chat, this.user(userId, extra.from), text, extra);
  }

  /**
   * Queues a callback_query as if the user pressed an inline button of a
   * message the bot sent. Throws if that message does not exist.
   */
  pressButton(opts: { chatId: number; messageId: number; userId: number; data: string }): {
    update_id: number;
    callback_query_id: string;
  } {
    const message = this.chats.get(opts.chatId)?.messages.get(opts.messageId);
    if (!message) throw new Error(`FakeTelegram.pressButton: no message ${opts.messageId} in chat ${opts.chatId}`);
    const id = `cbq-${this.nextQueryId++}`;
    const update_id = this.pushUpdate({
      callback_query: {
        id,
        from: this.user(opts.userId),
        message,
        chat_instance: `ci-${opts.chatId}`,
        data: opts.data,
      },
    });
    return { update_id, callback_query_id: id };
  }

  /** Queues my_chat_member: `userId` added the bot to the group `chat`, which becomes known. */
  addBotToGroup(chat: Chat, userId: number): number {
    this.chatState(chat.id, chat).chat = chat;
    const bot = this.botUser();
    return this.pushUpdate({
      my_chat_member: {
        chat,
        from: this.user(userId),
        date: nowSeconds(),
        old_chat_member: { status: "left", user: bot },
        new_chat_member: { status: "member", user: bot },
      },
    });
  }

  /** The command menu set for a scope type ("default", "all_private_chats", …), any language. */
  commandsFor(scopeType: string): unknown[] {
    return clone(this.commands.get(JSON.stringify([{ type: scopeType }, ""])) ?? []);
  }

  /** Calls `listener` with every call once it is answered (or dropped); returns an unsubscribe. */
  onCall(listener: (call: ApiCall) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /** Current messages of a chat (edits applied, deleted ones gone), oldest first. */
  messages(chatId: number): Message[] {
    const state = this.chats.get(chatId);
    return state ? [...state.messages.values()].map(clone) : [];
  }

  /** Updates queued and not yet confirmed by a getUpdates offset. */
  get pendingUpdates(): Update[] {
    return this.queue.map(clone);
  }

  // ---- observing calls ------------------------------------------------------

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with the first call (past or future) matching the predicate, or
   * with the first call of that method name. For ordinary methods the call's
   * `response` is already filled in; it resolves just before the client reads it.
   */
  waitFor(predicate: CallPredicate | string, timeoutMs = 5_000): Promise<ApiCall> {
    const match: CallPredicate =
      typeof predicate === "string" ? (call) => call.method === predicate : predicate;
    const index = this.calls.findIndex((call, i) => match(call, i));
    if (index >= 0) return Promise.resolve(this.calls[index]!);
    if (this.stopped) return Promise.reject(new Error("FakeTelegram.waitFor: emulator is stopped"));
    return new Promise<ApiCall>((resolve, reject) => {
      const waiter: Waiter = {
        predicate: match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const seen = this.calls.slice(-10).map((c) => c.method).join(", ") || "none";
          reject(new Error(`FakeTelegram.waitFor timed out after ${timeoutMs} ms (last calls: ${seen})`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  // ---- fault injection ------------------------------------------------------

  /**
   * The next `times` calls of `method` get this error (HTTP status = error_code).
   * "*" matches every method except getUpdates: a polling bot re-issues
   * getUpdates constantly and would otherwise swallow the failure meant for
   * the call under test. Use fail("getUpdates", …) to break polling.
   * Rules are consumed first-registered-first.
   */
  fail(method: string, response: ApiErrorBody, times = 1): void {
    this.failures.push({ method: this.canonical(method), remaining: times, kind: "error", body: clone(response) });
  }

  /** The next `times` calls of `method` get their socket destroyed (ECONNRESET). "*" as in fail(). */
  failNetwork(method: string, times = 1): void {
    this.failures.push({ method: this.canonical(method), remaining: times, kind: "network" });
  }

  /**
   * The next `times` calls of `method` are never answered (a request that times out):
   * the client has to give up on its own; stop() closes them. "*" as in fail().
   */
  hang(method: string, times = 1): void {
    this.failures.push({ method: this.canonical(method), remaining: times, kind: "hang" });
  }

  // ---- shutdown -------------------------------------------------------------

  /** Answers a held long poll with [], then closes the server and every socket. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.pendingPoll) this.answerPoll(this.pendingPoll, []);
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error("FakeTelegram.waitFor: emulator stopped"));
    }
    this.waiters.clear();
    // Give just-written responses (e.g. the [] above) a moment to reach the
    // client before sockets are destroyed; never wait long.
    await Promise.race([
      Promise.all(
        [...this.inFlight].map((res) => new Promise<void>((resolve) => res.once("close", () => resolve()))),
      ),
      new Promise<void>((resolve) => setTimeout(resolve, 200)),
    ]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- request handling -----------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight.add(res);
    res.once("close", () => this.inFlight.delete(res));

    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = /^\/bot([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
    if (!route) {
      req.resume();
      FakeTelegram.respond(res, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const token = decodeURIComponent(route[1]!);
    const rawMethod = decodeURIComponent(route[2]!);

    let params: Record<string, unknown> = {};
    let parseError: ApiFailure | undefined;
    try {
      params = await FakeTelegram.readParams(req, url);
    } catch (err) {
      parseError = err instanceof ApiFailure ? err : badRequest(String(err));
    }

    const call: ApiCall = { method: this.canonical(rawMethod), params, at: Date.now() };
    const index = this.callCount++;
    if (this.recordCalls) this.calls.push(call);
    try {
      if (token !== this.token) {
        this.finish(call, res, { ok: false, error_code: 401, description: "Unauthorized" });
        return;
      }
      const rule = this.takeFailure(call.method);
      if (rule?.kind === "network") {
        res.socket?.destroy();
        return;
      }
      if (rule?.kind === "hang") return;
      if (rule?.body) {
        this.finish(call, res, { ok: false, ...rule.body });
        return;
      }
      if (!KNOWN_METHODS.has(call.method.toLowerCase())) {
        this.finish(call, res, { ok: false, error_code: 404, description: "Not Found: method not found" });
        return;
      }
      if (parseError) throw parseError;
      if (call.method === "getUpdates") {
        this.getUpdates(call, res);
        return;
      }
      this.finish(call, res, { ok: true, result: this.dispatch(call.method, params) });
    } catch (err) {
      const body: ApiErrorBody = err instanceof ApiFailure
        ? err.body
        : { error_code: 500, description: `Internal Server Error: FakeTelegram crashed: ${String(err)}` };
      this.finish(call, res, { ok: false, ...body });
    } finally {
      this.notify(call, index);
    }
  }

  private static async readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
    const params: Record<string, unknown> = {};
    for (const [key, value] of url.searchParams) params[key] = coerceFormValue(value);

    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (body.trim() === "") return params;

    const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (type === "application/x-www-form-urlencoded") {
      for (const [key, value] of new URLSearchParams(body)) params[key] = coerceFormValue(value);
    } else if (type.startsWith("multipart/")) {
      throw badRequest("FakeTelegram does not support multipart/form-data (file uploads)");
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw badRequest("can't parse JSON request body");
      }
      if (!isRecord(parsed)) throw badRequest("request body must be a JSON object");
      Object.assign(params, parsed);
    }
    return params;
  }

  private takeFailure(method: string): FailureRule | undefined {
    const rule = this.failures.find(
      (r) => r.method === method || (r.method === "*" && method !== "getUpdates"),
    );
    if (rule && --rule.remaining <= 0) this.failures.splice(this.failures.indexOf(rule), 1);
    return rule;
  }

  private canonical(method: string): string {
    return KNOWN_METHODS.get(method.toLowerCase()) ?? method;
  }

  private finish(call: ApiCall, res: ServerResponse, response: ApiResponse): void {
    call.response = response;
    FakeTelegram.respond(res, response);
  }

  private static respond(res: ServerResponse, response: ApiResponse): void {
    if (res.headersSent || res.destroyed) return;
    const body = JSON.stringify(response);
    res.writeHead(response.ok ? 200 : response.error_code, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  }

  private notify(call: ApiCall, index: number): void {
    for (const listener of this.callListeners) listener(call);
    for (const waiter of this.waiters) {
      let matched: boolean;
      try {
        matched = waiter.predicate(call, index);
      } catch (err) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (matched) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  }

  // ---- getUpdates / long polling ---------------------------------------------

  private getUpdates(call: ApiCall, res: ServerResponse): void {
    const { params } = call;
    if (this.webhookUrl !== "") {
      throw new ApiFailure({
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    // Like Telegram, only one getUpdates may be pending: the older one loses.
    if (this.pendingPoll) {
      const older = this.pendingPoll;
      clearTimeout(older.timer);
      this.pendingPoll = undefined;
      this.finish(older.call, older.res, { ok: false, error_code: 409, description: CONFLICT_OTHER_POLL });
    }

    // An offset confirms (forgets) every update with a lower id; a negative
    // offset keeps only the last -offset updates.
    const offset = optInt(params, "offset") ?? 0;
    if (offset > 0) {
      while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    } else if (offset < 0) {
      this.queue.splice(0, Math.max(0, this.queue.length + offset));
    }

    const limit = Math.min(100, Math.max(1, optInt(params, "limit") ?? 100));
    const timeout = Math.max(0, optInt(params, "timeout") ?? 0);
    if (this.queue.length > 0 || timeout === 0 || this.stopped) {
      this.finish(call, res, { ok: true, result: clone(this.queue.slice(0, limit)) });
      return;
    }

    const poll: PendingPoll = {
      call,
      res,
      limit,
      timer: setTimeout(() => this.answerPoll(poll, []), timeout * 1000),
    };
    this.pendingPoll = poll;
    // The client gave up (abort, bot.stop()): forget the poll. Nothing is lost,
    // since updates are only dropped once a later offset confirms them.
    res.once("close", () => {
      if (this.pendingPoll === poll) {
        clearTimeout(poll.timer);
        this.pendingPoll = undefined;
      }
    });
  }

  private answerPoll(poll: PendingPoll, updates: Update[]): void {
    clearTimeout(poll.timer);
    if (this.pendingPoll === poll) this.pendingPoll = undefined;
    this.finish(poll.call, poll.res, { ok: true, result: clone(updates) });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Deferred so several synchronous pushUpdate() calls land in one batch.
    setImmediate(() => {
      this.flushScheduled = false;
      const poll = this.pendingPoll;
      if (poll && this.queue.length > 0) this.answerPoll(poll, this.queue.slice(0, poll.limit));
    });
  }

  // ---- chats and messages ----------------------------------------------------

  private user(id: number, overrides: Partial<User> = {}): User {
    return { id, is_bot: false, first_name: `User ${id}`, language_code: "ar", ...overrides };
  }

  private queueText(chat: Chat, from: User, text: string, extra: IncomingTextExtra): GroupMessage {
    const state = this.chatState(chat.id, chat);
    state.chat = chat;
    const message: Record<string, unknown> = {
      message_id: state.nextMessageId++,
      from,
      chat,
      date: nowSeconds(),
      text,
    };
    const entities = extra.entities ?? detectIncomingEntities(text);
    if (entities.length > 0) message.entities = entities;
    if (extra.replyToMessageId !== undefined) {
      const replied = state.messages.get(extra.replyToMessageId);
      if (!replied) {
        throw new Error(`FakeTelegram: chat ${chat.id} has no message ${extra.replyToMessageId} to reply to`);
      }
      message.reply_to_message = FakeTelegram.withoutReply(replied);
    }
    Object.assign(message, extra.message);
    const delivered = !this.groupPrivacy || chat.type === "private" || this.meantForBot(message as unknown as Message);
    if (!delivered) this.remember(message as unknown as Message);
    const update_id = delivered ? this.pushUpdate({ message: message as unknown as Update["message"] }) : undefined;
    return {
      update_id,
      message_id: message.message_id as number,
      message: clone(message) as unknown as Message,
    };
  }

  /** What privacy mode lets through: commands, mentions of the bot, replies to it. */
  private meantForBot(message: Message): boolean {
    const username = this.botInfo.username.toLowerCase();
    const text = message.text ?? "";
    const addressed = (message.entities ?? []).some((e) => {
      const word = text.slice(e.offset, e.offset + e.length).toLowerCase();
      if (e.type === "mention") return word === `@${username}`;
      // A command with no "@bot" is for every bot of the group; "/x@other_bot" is not for us.
      return e.type === "bot_command" && (!word.includes("@") || word.endsWith(`@${username}`));
    });
    return addressed || message.reply_to_message?.from?.id === this.botInfo.id;
  }

  /** Chat state, created on first use with a chat type guessed from the id. */
  private chatState(chatId: number, chat?: Chat): ChatState {
    let state = this.chats.get(chatId);
    if (!state) {
      const guessed: Chat =
        chatId > 0
          ? { id: chatId, type: "private", first_name: `User ${chatId}` }
          : String(chatId).startsWith("-100")
            ? { id: chatId, type: "supergroup", title: `Test group ${chatId}` }
            : { id: chatId, type: "group", title: `Test group ${chatId}` };
      state = { chat: chat ?? guessed, nextMessageId: 1, messages: new Map() };
      this.chats.set(chatId, state);
    }
    return state;
  }

  private remember(message: Message): void {
    const state = this.chatState(message.chat.id, message.chat);
    state.chat = message.chat;
    state.messages.set(message.message_id, clone(message));
    state.nextMessageId = Math.max(state.nextMessageId, message.message_id + 1);
  }

  /** Telegram nests reply_to_message only one level deep. */
  private static withoutReply(message: Message): Message {
    const { reply_to_message: _ignored, ...rest } = clone(message);
    return rest as Message;
  }

  private resolveChatId(params: Record<string, unknown>, key = "chat_id"): number {
    const raw = params[key];
    const numeric = optInt(params, key);
    if (numeric !== undefined) return numeric;
    if (typeof raw === "string" && raw.startsWith("@")) {
      for (const [id, state] of this.chats) {
        if ("username" in state.chat && `@${state.chat.username}` === raw) return id;
      }
      throw badRequest("chat not found");
    }
    if (raw === undefined || raw === "") throw badRequest("chat_id is empty");
    throw badRequest("chat not found");
  }

  private storedMessage(chatId: number, messageId: number | undefined, missing: string): Message {
    const message = messageId === undefined ? undefined : this.chats.get(chatId)?.messages.get(messageId);
    if (!message) throw badRequest(missing);
    return message;
  }

  // ---- method implementations ------------------------------------------------

  private dispatch(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "logOut":
      case "close":
        return true;
      case "setChatMenuButton":
        this.menuButton = optObject(params, "menu_button") ?? { type: "default" };
        return true;
      case "getChatMenuButton":
        return this.menuButton;
      case "setWebhook":
        this.webhookUrl = optString(params, "url") ?? "";
        return true;
      case "deleteWebhook":
        this.webhookUrl = "";
        if (optBool(params, "drop_pending_updates")) this.queue.length = 0;
        return true;
      case "getWebhookInfo":
        return { url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.length };
      case "sendMessage":
        return this.sendMessage(params);
      case "editMessageText":
        return this.editMessageText(params);
      case "editMessageReplyMarkup":
        return this.editMessageReplyMarkup(params);
      case "deleteMessage": {
        const chatId = this.resolveChatId(params);
        const messageId = optInt(params, "message_id");
        this.storedMessage(chatId, messageId, "message to delete not found");
        this.chats.get(chatId)!.messages.delete(messageId!);
        return true;
      }
      case "sendChatAction": {
        this.resolveChatId(params);
        if (!CHAT_ACTIONS.has(optString(params, "action") ?? "")) throw badRequest("wrong parameter action in request");
        return true;
      }
      case "answerCallbackQuery":
      case "answerInlineQuery": {
        const id = optString(params, method === "answerInlineQuery" ? "inline_query_id" : "callback_query_id") ?? "";
        // A query can be answered once; unknown ids fail like expired ones.
        if (!this.openQueries.delete(id)) throw badRequest(QUERY_INVALID);
        return true;
      }
      case "setMyCommands": {
        const commands = params.commands;
        if (!Array.isArray(commands)) throw badRequest("commands must be an array");
        for (const cmd of commands) {
          const name = isRecord(cmd) ? cmd.command : undefined;
          if (typeof name !== "string" || !/^[a-z0-9_]{1,32}$/.test(name)) throw badRequest("BOT_COMMAND_INVALID");
        }
        this.commands.set(this.commandsKey(params), clone(commands));
        return true;
      }
      case "deleteMyCommands":
        this.commands.delete(this.commandsKey(params));
        return true;
      case "getMyCommands":
        return clone(this.commands.get(this.commandsKey(params)) ?? []);
      case "setMyDescription":
      case "setMyShortDescription":
      case "setMyName": {
        const field = BOT_TEXT_FIELDS[method.slice(3)]!;
        this.botTexts.set(`${field}|${optString(params, "language_code") ?? ""}`, optString(params, field) ?? "");
        return true;
      }
      case "getMyDescription":
      case "getMyShortDescription":
      case "getMyName": {
        const field = BOT_TEXT_FIELDS[method.slice(3)]!;
        const value = this.botTexts.get(`${field}|${optString(params, "language_code") ?? ""}`);
        return { [field]: value ?? (field === "name" ? this.botInfo.first_name : "") };
      }
      case "getChat": {
        const chatId = this.resolveChatId(params);
        return { ...clone(this.chatState(chatId).chat), accent_color_id: 0, max_reaction_count: 11 };
      }
      case "setMessageReaction": {
        const chatId = this.resolveChatId(params);
        this.storedMessage(chatId, optInt(params, "message_id"), "message to react not found");
        return true;
      }
      default:
        // KNOWN_METHODS and this switch must agree.
        throw new Error(`FakeTelegram: no implementation for ${method}`);
    }
  }

  private commandsKey(params: Record<string, unknown>): string {
    const scope = optObject(params, "scope") ?? { type: "default" };
    return JSON.stringify([scope, optString(params, "language_code") ?? ""]);
  }

  /** Applies parse_mode/entities and Telegram's text rules; returns the stored text and entities. */
  private formatText(
    params: Record<string, unknown>,
    tooLong: string,
  ): { text: string; entities?: MessageEntity[] } {
    const raw = optString(params, "text") ?? "";
    const parseMode = (optString(params, "parse_mode") ?? "").toLowerCase();
    let text = raw;
    let entities: MessageEntity[] | undefined;
    if (Array.isArray(params.entities)) {
      entities = clone(params.entities as MessageEntity[]);
    } else if (parseMode === "html") {
      const parsed = parseTelegramHtml(raw);
      if (!parsed.ok) throw badRequest(`can't parse entities: ${parsed.error}`);
      text = parsed.text;
      entities = parsed.entities;
    } else if (parseMode !== "" && parseMode !== "markdown" && parseMode !== "markdownv2") {
      throw badRequest("unsupported parse_mode");
    }
    // Markdown modes are passed through unparsed (the markup counts towards the length).

    // Telegram trims surrounding whitespace; entities shift and get clipped.
    const lead = text.length - text.trimStart().length;
    text = text.trim();
    if (text === "") throw badRequest("message text is empty");
    // UTF-16 units: stricter than counting code points, so never too lenient.
    if (text.length > MAX_TEXT_LENGTH) throw badRequest(tooLong);
    if (entities) {
      entities = entities
        .map((e) => {
          const start = Math.max(0, e.offset - lead);
          const end = Math.min(text.length, e.offset + e.length - lead);
          return { ...e, offset: start, length: end - start };
        })
        .filter((e) => e.length > 0);
    }
    return entities && entities.length > 0 ? { text, entities } : { text };
  }

  /** Validates reply_markup; returns the inline keyboard to echo in the Message, if any. */
  private replyMarkup(params: Record<string, unknown>): Record<string, unknown> | undefined {
    const markup = optObject(params, "reply_markup");
    if (!markup || !("inline_keyboard" in markup)) return undefined;
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
    }
    for (const button of rows.flat() as unknown[]) {
      if (!isRecord(button) || typeof button.text !== "string") {
        throw badRequest("can't parse inline keyboard button: Text must be a String");
      }
      if (!INLINE_BUTTON_ACTIONS.some((key) => key in button)) {
        throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
      if ("callback_data" in button) {
        const bytes = Buffer.byteLength(String(button.callback_data), "utf8");
        if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
      }
    }
    return clone(markup);
  }

  private sendMessage(params: Record<string, unknown>): Message {
    const chatId = this.resolveChatId(params);
    const { text, entities } = this.formatText(params, "message is too long");
    const inlineKeyboard = this.replyMarkup(params);

    // reply_parameters (current API) or reply_to_message_id (legacy).
    const replyParams = optObject(params, "reply_parameters");
    const replyToId = replyParams ? optInt(replyParams, "message_id") : optInt(params, "reply_to_message_id");
    const allowWithoutReply = replyParams
      ? optBool(replyParams, "allow_sending_without_reply")
      : optBool(params, "allow_sending_without_reply");
    const replyChatId = replyParams && replyParams.chat_id !== undefined ? this.resolveChatId(replyParams) : chatId;
    let replyTo: Message | undefined;
    if (replyToId !== undefined) {
      replyTo = this.chats.get(replyChatId)?.messages.get(replyToId);
      if (!replyTo && !allowWithoutReply) throw badRequest("message to be replied not found");
    }

    const state = this.chatState(chatId);
    const message: Record<string, unknown> = {
      message_id: state.nextMessageId++,
      from: this.botUser(),
      chat: clone(state.chat),
      date: nowSeconds(),
    };
    const threadId = optInt(params, "message_thread_id");
    if (threadId !== undefined) message.message_thread_id = threadId;
    if (replyTo) message.reply_to_message = FakeTelegram.withoutReply(replyTo);
    message.text = text;
    if (entities) message.entities = entities;
    if (inlineKeyboard) message.reply_markup = inlineKeyboard;

    const stored = message as unknown as Message;
    state.messages.set(stored.message_id, clone(stored));
    return stored;
  }

  private editMessageText(params: Record<string, unknown>): Message | true {
    const { text, entities } = this.formatText(params, "MESSAGE_TOO_LONG");
    const inlineKeyboard = this.replyMarkup(params);
    if (params.inline_message_id !== undefined) return true;

    const chatId = this.resolveChatId(params);
    const current = this.storedMessage(chatId, optInt(params, "message_id"), "message to edit not found");
    if (current.from?.id !== this.botInfo.id) throw badRequest("message can't be edited");
    if (
      current.text === text &&
      JSON.stringify(current.entities ?? []) === JSON.stringify(entities ?? []) &&
      JSON.stringify(current.reply_markup) === JSON.stringify(inlineKeyboard)
    ) {
      throw badRequest(NOT_MODIFIED);
    }
    const edited: Record<string, unknown> = { ...clone(current), text, edit_date: nowSeconds() };
    delete edited.entities;
    delete edited.reply_markup;
    if (entities) edited.entities = entities;
    if (inlineKeyboard) edited.reply_markup = inlineKeyboard;
    return this.replaceMessage(chatId, edited);
  }

  private editMessageReplyMarkup(params: Record<string, unknown>): Message | true {
    const inlineKeyboard = this.replyMarkup(params);
    if (params.inline_message_id !== undefined) return true;

    const chatId = this.resolveChatId(params);
    const current = this.storedMessage(chatId, optInt(params, "message_id"), "message to edit not found");
    if (current.from?.id !== this.botInfo.id) throw badRequest("message can't be edited");
    if (JSON.stringify(current.reply_markup) === JSON.stringify(inlineKeyboard)) {
      throw badRequest(NOT_MODIFIED);
    }
    const edited: Record<string, unknown> = { ...clone(current), edit_date: nowSeconds() };
    delete edited.reply_markup;
    if (inlineKeyboard) edited.reply_markup = inlineKeyboard;
    return this.replaceMessage(chatId, edited);
  }

  private replaceMessage(chatId: number, edited: Record<string, unknown>): Message {
    const message = edited as unknown as Message;
    this.chats.get(chatId)!.messages.set(message.message_id, clone(message));
    return message;
  }

  private botUser(): User {
    const { id, is_bot, first_name, username } = this.botInfo;
    return { id, is_bot, first_name, username };
  }
}

/** The getMe answer of the test bot: the emulator's, and the behaviour tests' fixed botInfo. */
export function testBotInfo(overrides: { id?: number; first_name?: string; username?: string } = {}) {
  return {
    id: 123456,
    is_bot: true as const,
    first_name: "Test QA Bot",
    username: "test_qa_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
    ...overrides,
  };
}
