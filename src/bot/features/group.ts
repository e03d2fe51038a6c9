// Groups: the bot speaks only when addressed — /ask, /ask@Bot, a mention of @Bot (in a text
// or a photo's caption), or a reply to the bot. A reply to the bot that cannot be answered
// («تمام», «👍») is chatter: silence. The username always comes from ctx.me.
import { Composer, type Context } from "grammy";
import type { Message } from "grammy/types";
import type { Engine } from "../../types.ts";
import type { FeatureDeps } from "../deps.ts";
import { extractQuestion, isCommand, mentions, realReplyTarget } from "../question.ts";
import { answeredDocument } from "../refs.ts";
import { answerQuestion, firstExample, replyHtml } from "../reply.ts";
import { texts } from "../texts.ts";

export function groupFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const group = composer.chatType(["group", "supergroup"]);

  // grammY matches /ask and /ask@ThisBot; /ask@OtherBot falls through and is ignored below.
  group.command("ask", async (ctx) => {
    const message = ctx.msg;
    const followUp = { within: followUpDocument(deps.engine, ctx.me.id, message) };
    if (ctx.match.trim()) return answerQuestion(ctx, ctx.match, deps, { replyTo: message.message_id, ...followUp });
    // "/ask" as a reply to someone's message asks that message; the answer replies to it.
    const target = realReplyTarget(message);
    const targetText = target?.text ?? target?.caption;
    if (target && targetText && target.from?.id !== ctx.me.id) {
      return answerQuestion(ctx, extractQuestion(targetText, ctx.me.username), deps, { replyTo: target.message_id });
    }
    await replyHtml(ctx, texts.askUsage(firstExample(deps.engine)), { replyTo: message.message_id });
  });

  group.on(["message:text", "message:caption"], async (ctx) => {
    const message = ctx.msg;
    const text = message.text ?? message.caption ?? "";
    const entities = message.entities ?? message.caption_entities;
    const replyTo = message.message_id;
    // A caption starting with /ask is asked like the command (grammY matches commands in texts only).
    if (message.caption !== undefined && /^\/ask(?:@\w+)?(?=\s|$)/i.test(text) && addressesUs(text, ctx.me.username)) {
      return answerQuestion(ctx, extractQuestion(text, ctx.me.username), deps, { replyTo });
    }
    if (isCommand(entities)) return; // a command for another bot, or one we don't have
    const mentioned = mentions(text, ctx.me.username);
    if (!mentioned && realReplyTarget(message)?.from?.id !== ctx.me.id) return;
    const within = followUpDocument(deps.engine, ctx.me.id, message);
    const question = extractQuestion(text, ctx.me.username);
    if (!question && mentioned) {
      return void (await replyHtml(ctx, texts.mentionUsage(ctx.me.username, firstExample(deps.engine)), { replyTo }));
    }
    // Only a mention asks for a reply whatever happens; a bare reply to the bot must be answerable.
    await answerQuestion(ctx, question, deps, { replyTo, within, onlyIfAnswered: !mentioned });
  });

  return composer;
}

/** The article of the bot's answer this message replies to, if it does. */
function followUpDocument(engine: Engine, botId: number, message: Message): string | undefined {
  const target = realReplyTarget(message);
  return target?.from?.id === botId ? answeredDocument(engine, target)?.id : undefined;
}

/** "/ask" or "/ask@ThisBot" at the start — not "/ask@OtherBot". */
function addressesUs(text: string, username: string): boolean {
  const to = /^\/ask@(\w+)/i.exec(text)?.[1];
  return to === undefined || to.toLowerCase() === username.toLowerCase();
}
