// Groups: the bot speaks only when addressed — /ask, /ask@Bot, a reply to the bot, or a
// mention of @Bot. Everything else gets silence. The username always comes from ctx.me.
import { Composer, type Context } from "grammy";
import type { Message } from "grammy/types";
import { answerQuestion, extractQuestion, type FeatureDeps, isCommand, replyHtml } from "../ask.ts";
import { texts } from "../texts.ts";

export function groupFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const group = composer.chatType(["group", "supergroup"]);
  const limited = (ctx: Context, reply: () => Promise<unknown>) =>
    deps.limitQuestions(ctx, async () => void (await reply()));

  // grammY matches /ask and /ask@ThisBot; /ask@OtherBot falls through and is ignored below.
  group.command("ask", async (ctx) => {
    const message = ctx.msg;
    if (ctx.match.trim()) return limited(ctx, () => answerQuestion(ctx, ctx.match, deps, message.message_id));
    // "/ask" as a reply to someone's message asks that message; the answer replies to it.
    const target = realReplyTarget(message);
    const targetText = target?.text ?? target?.caption;
    if (target && targetText && target.from?.id !== ctx.me.id) {
      const question = extractQuestion(targetText, ctx.me.username);
      return limited(ctx, () => answerQuestion(ctx, question, deps, target.message_id));
    }
    return limited(ctx, () => replyHtml(ctx, texts.askUsage, { replyTo: message.message_id }));
  });

  group.on("message:text", async (ctx) => {
    const message = ctx.msg;
    if (isCommand(message)) return; // a command for another bot, or one we don't have
    const repliesToBot = realReplyTarget(message)?.from?.id === ctx.me.id;
    if (!repliesToBot && !mentions(message.text, ctx.me.username)) return;
    const question = extractQuestion(message.text, ctx.me.username);
    const replyTo = message.message_id;
    if (!question) return limited(ctx, () => replyHtml(ctx, texts.mentionUsage(ctx.me.username), { replyTo }));
    return limited(ctx, () => answerQuestion(ctx, question, deps, replyTo));
  });

  return composer;
}

/** The message replied to — but not the topic's first message, which forum topics set implicitly. */
function realReplyTarget(message: Message): Message | undefined {
  const target = message.reply_to_message;
  if (!target) return undefined;
  if (message.is_topic_message && target.message_id === message.message_thread_id) return undefined;
  return target;
}

/** "@ThisBot" anywhere in the text as a whole word (usernames are [A-Za-z0-9_]). */
function mentions(text: string, username: string): boolean {
  return new RegExp(`(^|[^\\w@])@${username}(?!\\w)`, "i").test(text);
}
