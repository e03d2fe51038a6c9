// Admins, in a private chat: send a .md/.txt/.html file (imported, saved, live at once), send
// a link (offered for import with a button), /reload, /stats, /unanswered. Everyone else is
// passed on to the usual features untouched.
import { type Api, Composer, type Context, InlineKeyboard } from "grammy";
import { extname, relative } from "node:path";
import { extractFile, IMPORTABLE_EXTENSIONS, ImportError, type ImportFlags, isWebAddress, type SavedArticle } from "../../import/index.ts";
import { FetchError, fetchArticle } from "../../import/fetch.ts";
import { saveArticle } from "../../import/save.ts";
import type { ImportedArticle } from "../../import/types.ts";
import type { ReloadOutcome } from "../../knowledge/live.ts";
import type { Logger } from "../../logger.ts";
import type { QuestionLog } from "../../questions/log.ts";
import { perArticle, summary, topUnanswered } from "../../questions/report.ts";
import { replyHtml } from "../reply.ts";
import { texts as userTexts } from "../texts.ts";
import { operatorTexts } from "../texts-operator.ts";

export interface AdminDeps {
  userIds: readonly number[];
  knowledgeDir: string;
  /** Loads KNOWLEDGE_DIR and swaps the engine now (the live knowledge's reload). */
  reload: () => ReloadOutcome;
  questionLog?: QuestionLog;
  /** A Telegram file's bytes by its file_path (getFile); the bot token never leaves here. */
  download: (filePath: string) => Promise<Uint8Array>;
  logger: Logger;
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const IMPORT_LINK = "adm:imp";
const DAY_MS = 24 * 60 * 60 * 1000;
const REPLACE = /^(?:استبدال|استبدل|--force)$/;
const CAPTION_FIELD = /^(title|publisher|author|published|url|id)\s*:\s*(.+)$/i;
const texts = operatorTexts.admin;

export function adminFeature(deps: AdminDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const admin = composer.chatType("private").filter((ctx) => ctx.from !== undefined && deps.userIds.includes(ctx.from.id));

  admin.command("reload", async (ctx) => {
    const outcome = deps.reload();
    await replyHtml(ctx, outcome.ok ? texts.reloaded(outcome.documents) : texts.reloadFailed(outcome.error));
  });

  admin.command("stats", async (ctx) => {
    const db = deps.questionLog?.database;
    if (!db) return void (await replyHtml(ctx, texts.noLog));
    const now = Date.now();
    const week = now - 7 * DAY_MS;
    await replyHtml(ctx, texts.stats(summary(db, now - DAY_MS), summary(db, week), perArticle(db, week).slice(0, 15)));
  });

  admin.command("unanswered", async (ctx) => {
    const db = deps.questionLog?.database;
    if (!db) return void (await replyHtml(ctx, texts.noLog));
    await replyHtml(ctx, texts.unanswered(topUnanswered(db, 15)));
  });

  admin.on("message:document", async (ctx) => {
    const { file_name: name = "", file_size: size = 0, file_id: fileId } = ctx.msg.document;
    const replyTo = ctx.msg.message_id;
    if (!IMPORTABLE_EXTENSIONS.includes(extname(name).toLowerCase())) return void (await replyHtml(ctx, texts.unsupported, { replyTo }));
    if (size > MAX_FILE_BYTES) return void (await replyHtml(ctx, texts.tooBig, { replyTo }));
    await importAndReply(ctx, deps, replyTo, name, captionFlags(ctx.msg.caption), async () => {
      const file = await ctx.api.getFile(fileId);
      if (!file.file_path) throw new ImportError("Telegram gave no file path for the document; send it again.");
      const text = new TextDecoder("utf-8", { fatal: true }).decode(await deps.download(file.file_path));
      return extractFile(name, text);
    });
  });

  admin.on("message:text").filter(
    (ctx) => isWebAddress(ctx.msg.text.trim()),
    (ctx) => replyHtml(ctx, texts.offerLink, { replyTo: ctx.msg.message_id, keyboard: new InlineKeyboard().text(texts.importButton, IMPORT_LINK) }),
  );

  admin.callbackQuery(IMPORT_LINK, async (ctx) => {
    const message = ctx.callbackQuery.message;
    const url = message && "reply_to_message" in message ? message.reply_to_message?.text?.trim() : undefined;
    if (!url || !isWebAddress(url)) return void (await ctx.answerCallbackQuery({ text: texts.linkGone }));
    await ctx.answerCallbackQuery({ text: texts.importing });
    await importAndReply(ctx, deps, message?.message_id, url, {}, () => fetchArticle(url));
  });

  return composer;
}

/** A document's caption gives what `npm run add` takes as flags: "publisher: …" lines, and «استبدال». */
export function captionFlags(caption = ""): ImportFlags {
  const flags: ImportFlags = {};
  for (const line of caption.split("\n").map((l) => l.trim())) {
    const field = CAPTION_FIELD.exec(line);
    if (field) flags[field[1]!.toLowerCase() as Exclude<keyof ImportFlags, "force">] = field[2]!.trim();
    else if (REPLACE.test(line)) flags.force = true;
  }
  return flags;
}

async function importAndReply(
  ctx: Context,
  deps: AdminDeps,
  replyTo: number | undefined,
  source: string,
  flags: ImportFlags,
  extract: () => Promise<ImportedArticle>,
): Promise<void> {
  let imported: ImportedArticle;
  let saved: SavedArticle;
  try {
    imported = await extract();
    saved = saveArticle(deps.knowledgeDir, imported, flags, source);
  } catch (error) {
    if (!(error instanceof ImportError || error instanceof FetchError || error instanceof TypeError)) throw error;
    // TextDecoder's TypeError: the file is not UTF-8.
    const detail = error instanceof ImportError || error instanceof FetchError ? error.message : `${source}: not valid UTF-8; save it as UTF-8.`;
    const exists = /exists already/.test(detail);
    deps.logger.info({ admin: true }, `admin import refused: ${detail}`);
    const hint = exists ? texts.replaceHint : /--(?:title|publisher)/.test(detail) ? texts.captionHint : "";
    return void (await replyHtml(ctx, `${texts.failed(detail)}${hint && `\n${hint}`}`, { replyTo }));
  }
  const outcome = deps.reload();
  if (!outcome.ok) return void (await replyHtml(ctx, texts.reloadFailed(outcome.error), { replyTo }));
  const { document, warnings, file } = saved;
  deps.logger.info({ document: document.id, paragraphs: document.paragraphs.length }, "admin imported an article");
  const notes = warnings.map((w) => w.message);
  if (document.paragraphs.length === 1) notes.push("The article came out as a single paragraph.");
  await replyHtml(ctx, texts.imported(document.meta.title, relative(deps.knowledgeDir, file), document.paragraphs.length, imported.dropped.length, notes), { replyTo });
}

/**
 * Each admin's private chat gets the usual menu plus the admin commands. Telegram refuses a
 * chat that never started the bot: those are counted in one warning, without their ids.
 */
export async function registerAdminCommands(api: Api, userIds: readonly number[], logger: Logger): Promise<void> {
  const commands = [...userTexts.commands.private, ...texts.commands];
  const results = await Promise.allSettled(userIds.map((id) => api.setMyCommands(commands, { scope: { type: "chat", chat_id: id } })));
  const failed = results.filter((result) => result.status === "rejected").length;
  if (failed > 0) logger.warn({ failed, admins: userIds.length }, "could not set the admin command menu for some admins (have they started the bot?)");
}

/** Downloads from the Bot API's file endpoint; errors say what failed, never the address (it holds the token). */
export function telegramFileDownloader(token: string, apiRoot = "https://api.telegram.org"): AdminDeps["download"] {
  return async (filePath) => {
    let response: Response;
    try {
      response = await fetch(`${apiRoot}/file/bot${token}/${filePath}`, { signal: AbortSignal.timeout(30_000) });
    } catch {
      throw new ImportError("Could not download the file from Telegram; send it again.");
    }
    if (!response.ok) throw new ImportError(`Telegram answered ${response.status} to the file download; send it again.`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
