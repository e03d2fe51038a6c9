// Private chat: any text is a question; /ask works too. Unknown commands get a hint.
import { Composer, type Context } from "grammy";
import { answerQuestion, extractQuestion, type FeatureDeps, isCommand, replyHtml } from "../ask.ts";
import { texts } from "../texts.ts";

export function askPrivateFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const privateChat = composer.chatType("private");

  privateChat.command("ask", async (ctx) => {
    const replyTo = ctx.msg.message_id;
    if (!ctx.match.trim()) return void (await replyHtml(ctx, texts.askUsage, { replyTo }));
    await answerQuestion(ctx, ctx.match, deps, replyTo);
  });

  privateChat.on("message:text", async (ctx) => {
    const replyTo = ctx.msg.message_id;
    if (isCommand(ctx.msg)) return void (await replyHtml(ctx, texts.unknownCommand, { replyTo }));
    // "@Bot question" works here too; "@Bot" alone gets the how-to.
    const question = extractQuestion(ctx.msg.text, ctx.me.username);
    if (!question) return void (await replyHtml(ctx, texts.mentionUsage(ctx.me.username), { replyTo }));
    await answerQuestion(ctx, question, deps, replyTo);
  });

  return composer;
}
