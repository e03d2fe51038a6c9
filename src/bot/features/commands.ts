// /start, /help, /about, /sources — in any chat; in groups they reply to the command.
import { type CommandContext, Composer, type Context } from "grammy";
import { EXAMPLE_COUNT, examplesKeyboard, type FeatureDeps, replyHtml } from "../ask.ts";
import { formatAbout, formatSources } from "../format.ts";
import { texts } from "../texts.ts";

const replyTarget = (ctx: CommandContext<Context>) => (ctx.chat.type === "private" ? undefined : ctx.msg.message_id);

export function commandsFeature({ engine }: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const documents = engine.knowledge.documents;

  composer.command("start", async (ctx) => {
    // "/start help" comes from the inline-mode button: show the how-to directly.
    if (ctx.match.trim() === "help") return void (await replyHtml(ctx, texts.help(ctx.me.username)));
    const titles = documents.map((doc) => doc.meta.title);
    await replyHtml(ctx, texts.welcome(titles), {
      replyTo: replyTarget(ctx),
      keyboard: examplesKeyboard(engine.examples(EXAMPLE_COUNT)),
    });
  });

  composer.command("help", (ctx) => replyHtml(ctx, texts.help(ctx.me.username), { replyTo: replyTarget(ctx) }));
  composer.command("about", (ctx) => replyHtml(ctx, formatAbout(documents), { replyTo: replyTarget(ctx) }));
  composer.command("sources", (ctx) => replyHtml(ctx, formatSources(documents), { replyTo: replyTarget(ctx) }));

  return composer;
}
