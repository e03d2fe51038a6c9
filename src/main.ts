// Entry point: config → knowledge → engine → bot, then long polling, a webhook server, or
// (no token on a developer machine) long polling the playground's in-process Telegram;
// and a graceful stop on SIGINT/SIGTERM (answers being written are finished first).
// The bot never knows which: only this file chooses.
import { config as loadDotenv } from "dotenv";
import { GrammyError } from "grammy";
import { ALLOWED_UPDATES, createBot, registerCommands } from "./bot/index.ts";
import { registerAdminCommands } from "./bot/features/admin.ts";
import { startPolling } from "./bot/polling.ts";
import { untilItWorks } from "./bot/startup.ts";
import { type Config, ConfigError, loadConfig, type TelegramConnection, type WebhookModeConfig } from "./config.ts";
import { createEngine } from "./engine.ts";
import { startLiveKnowledge } from "./knowledge/live.ts";
import { loadKnowledge } from "./knowledge/load.ts";
import { createLogger, redactSecrets } from "./logger.ts";
import { type Playground, startPlayground } from "./playground/index.ts";
import { noQuestionLog, openQuestionLog } from "./questions/log.ts";
import { createWebhookServer } from "./server.ts";

/** How long a stop may take before the process gives up waiting. */
const SHUTDOWN_DEADLINE_MS = 8_000;

loadDotenv({ quiet: true });
const config = readConfig();
if (config.mode === "playground") printPlaygroundBanner(config.port);
const secrets =
  config.mode === "playground" ? [] : [config.botToken, ...(config.mode === "webhook" ? [config.webhook.secret] : [])];
const logger = createLogger({ level: config.logLevel, secrets });

process.on("uncaughtException", (error) => die(error, "uncaught exception"));
process.on("unhandledRejection", (error) => die(error, "unhandled rejection"));

const knowledge = loadKnowledgeOrExit(config.knowledgeDir);
for (const warning of knowledge.warnings ?? []) logger.warn(`${warning.file}: ${warning.message}`);
// Watches KNOWLEDGE_DIR: a changed article is answered without a restart (in every mode).
const live = startLiveKnowledge(config.knowledgeDir, createEngine(knowledge), createEngine, logger);
const questionLog = config.questionLog.enabled
  ? openQuestionLog(config.questionLog.dataDir, { retentionDays: config.questionLog.retentionDays, logger })
  : noQuestionLog;
const { connection, playground } = await connectTelegram(config);
const bot = createBot(
  connection,
  {
    engine: live.engine,
    logger,
    ...(config.questionLog.enabled && { questionLog }),
    admin: { userIds: config.adminUserIds, knowledgeDir: config.knowledgeDir, reload: live.reload },
  },
  playground ? { botInfo: playground.botInfo } : {},
);

try {
  await untilItWorks("getMe", () => bot.init(), logger);
} catch (error) {
  if (error instanceof GrammyError && error.error_code === 401) {
    startupFailed("Telegram rejected BOT_TOKEN (401 Unauthorized): copy the current token from @BotFather into .env.");
  }
  throw error;
}
logger.info(
  { bot: bot.botInfo.username, documents: knowledge.documents.length, mode: config.mode },
  "knowledge loaded, bot ready",
);
await registerCommands(bot.api).catch((error) => logger.warn({ err: error }, "could not register the command menus"));
await registerAdminCommands(bot.api, config.adminUserIds, logger);

const stop = config.mode === "webhook" ? await startWebhook(config) : await startLongPolling(playground);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return; // a second signal while stopping: the deadline below still holds
    stopping = true;
    logger.info({ signal }, "stopping");
    live.close();
    setTimeout(() => {
      logger.warn("in-flight updates did not finish in time; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stop().then(
      () => {
        questionLog.close();
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => die(error, "error while stopping"),
    );
  });
}

async function startWebhook({ webhook }: WebhookModeConfig): Promise<() => Promise<void>> {
  const { url, secret, port } = webhook;
  const server = createWebhookServer(bot, { secretToken: secret, logger, path: new URL(url).pathname });
  await new Promise<void>((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      startupFailed(error.code === "EADDRINUSE" ? `PORT ${port} is in use: stop what listens there, or set another PORT.` : `Cannot listen on PORT ${port}: ${error.message}`),
    );
    server.listen(port, resolve);
  });
  try {
    await untilItWorks(
      "setWebhook",
      () => bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }),
      logger,
    );
  } catch (error) {
    if (error instanceof GrammyError) startupFailed(`Telegram refused WEBHOOK_URL: ${error.description}`);
    throw error;
  }
  logger.info({ port }, "webhook server listening");
  return () =>
    new Promise<void>((resolve) => {
      // Waits for requests being read, then for updates being handled.
      server.close(() => void server.drain().then(resolve));
      server.closeIdleConnections();
    });
}

async function startLongPolling(playground: Playground | undefined): Promise<() => Promise<void>> {
  const polling = await startPolling(bot, logger, { onFatal: (error) => die(error, "long polling stopped") });
  if (!playground) return polling.stop;
  logger.info({ url: playground.url }, "playground ready");
  return async () => {
    await polling.stop(); // answers being written still need the emulator
    await playground.stop();
  };
}

/** Telegram itself, or the playground's emulator when there is no token. */
async function connectTelegram(config: Config): Promise<{ connection: TelegramConnection; playground?: Playground }> {
  if (config.mode !== "playground") return { connection: config };
  try {
    const playground = await startPlayground(config.port);
    return { connection: playground.connection, playground };
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    startupFailed(
      `Cannot open the playground on 127.0.0.1:${config.port} (${reason}): choose another port, e.g. PORT=8090 npm start. ` +
        `تعذّر فتح ساحة التجربة على هذا المنفذ؛ اختر منفذًا آخر.`,
    );
  }
}

/** The first lines of `npm start` without a token: where the playground is, and how to reach Telegram instead. */
function printPlaygroundBanner(port: number): void {
  const url = `http://127.0.0.1:${port}/`;
  console.log(
    [
      `لا يوجد رمز بوت (BOT_TOKEN)، فالبوت يعمل الآن في ساحة التجربة المحلية: افتح ${url}`,
      `No BOT_TOKEN: the bot runs in the local playground. Open ${url}`,
      "للتشغيل على تيليجرام: أنشئ بوتًا عند @BotFather وضع رمزه في الملف ‎.env‎ باسم BOT_TOKEN (الخطوات في README، قسم «Create the bot with @BotFather»).",
      'To run it on Telegram: create a bot with @BotFather and put its token in .env as BOT_TOKEN (steps in the README, "Create the bot with @BotFather").',
      "",
    ].join("\n"),
  );
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Before the logger exists; the message names the problem, never the token.
    console.error(error.message);
    process.exit(1);
  }
}

function loadKnowledgeOrExit(dir: string): ReturnType<typeof loadKnowledge> {
  try {
    return loadKnowledge(dir);
  } catch (error) {
    startupFailed(`Cannot load the knowledge: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A start-up problem the operator must fix: one readable line on stderr, one log line. */
function startupFailed(message: string): never {
  const clean = redactSecrets(message, secrets);
  logger.fatal(clean);
  console.error(clean);
  process.exit(1);
}

function die(error: unknown, message: string): never {
  logger.fatal({ err: error }, message);
  if (!(error instanceof Error)) console.error(redactSecrets(String(error), secrets));
  process.exit(1);
}
