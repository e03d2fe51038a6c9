// /start, /help, /about, /sources — in any chat; in groups they reply to the command.
// None of them counts as a question. Long lists are paged (see callbacks.ts for «المزيد»).
import { type CommandContext, Composer, type Context } from "grammy";
import { EXAMPLE_COUNT, type FeatureDeps } from "../deps.ts";
import { formatAbout, formatSources } from "../format.ts";
import { examplesKeyboard, pageKeyboard } from "../keyboards.ts";
import { firstExample, replyHtml } from "../reply.ts";
import { texts } from "../texts.ts";

/** /start names this many articles; /sources has them all. */
const WELCOME_TITLES = 5;

const replyTarget = (ctx: CommandContext<Context>) => (ctx.chat.type === "private" ? undefined : ctx.msg.message_id);

export function commandsFeature({ engine }: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const documents = () => engine.knowledge.documents;
  const help = (ctx: CommandContext<Context>) =>
    texts.help(ctx.me.username, { inGroup: ctx.chat.type !== "private", example: firstExample(engine) });

  composer.command("start", async (ctx) => {
    // "/start help" comes from the inline-mode button: show the how-to directly.
    if (ctx.match.trim() === "help") return void (await replyHtml(ctx, help(ctx)));
    const titles = documents().slice(0, WELCOME_TITLES).map((doc) => doc.meta.title);
    const examples = engine.examples(EXAMPLE_COUNT);
    await replyHtml(ctx, texts.welcome(documents().length, titles, examples.length > 0), {
      replyTo: replyTarget(ctx),
      keyboard: examplesKeyboard(engine, examples),
    });
  });

  composer.command("help", (ctx) => replyHtml(ctx, help(ctx), { replyTo: replyTarget(ctx) }));
  composer.command("about", (ctx) => {
    const { html, page, pages } = formatAbout(documents());
    return replyHtml(ctx, html, { replyTo: replyTarget(ctx), keyboard: pageKeyboard("about", page, pages) });
  });
  composer.command("sources", (ctx) => {
    const { html, page, pages } = formatSources(documents());
    return replyHtml(ctx, html, { replyTo: replyTarget(ctx), keyboard: pageKeyboard("sources", page, pages) });
  });

  return composer;
}
