// Private chat: any text is a question; /ask works too. Unknown commands get a hint.
import { Composer, type Context } from "grammy";
import type { FeatureDeps } from "../deps.ts";
import { extractQuestion, isCommand } from "../question.ts";
import { answeredDocument } from "../refs.ts";
import { answerQuestion, firstExample, replyHtml } from "../reply.ts";
import { texts } from "../texts.ts";

export function askPrivateFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const privateChat = composer.chatType("private");

  privateChat.command("ask", async (ctx) => {
    const replyTo = ctx.msg.message_id;
    if (!ctx.match.trim()) return void (await replyHtml(ctx, texts.askUsage(firstExample(deps.engine)), { replyTo }));
    await answerQuestion(ctx, ctx.match, deps, { replyTo });
  });

  privateChat.on("message:text", async (ctx) => {
    const replyTo = ctx.msg.message_id;
    if (isCommand(ctx.msg.entities)) return void (await replyHtml(ctx, texts.unknownCommand, { replyTo }));
    // "@Bot question" works here too; "@Bot" alone gets the how-to.
    const question = extractQuestion(ctx.msg.text, ctx.me.username);
    if (!question) {
      return void (await replyHtml(ctx, texts.mentionUsage(ctx.me.username, firstExample(deps.engine)), { replyTo }));
    }
    // A reply to one of the bot's answers is a follow-up about that answer's article.
    const repliedTo = ctx.msg.reply_to_message;
    const within = repliedTo?.from?.id === ctx.me.id ? answeredDocument(deps.engine, repliedTo)?.id : undefined;
    await answerQuestion(ctx, question, deps, { replyTo, within });
  });

  return composer;
}
