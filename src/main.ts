// Entry point: config → knowledge → engine → bot, then long polling or a webhook server,
// and a graceful stop on SIGINT/SIGTERM (answers being written are finished first).
import { config as loadDotenv } from "dotenv";
import { GrammyError } from "grammy";
import { ALLOWED_UPDATES, createBot, registerCommands } from "./bot/index.ts";
import { startPolling } from "./bot/polling.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { createEngine } from "./engine.ts";
import { loadKnowledge } from "./knowledge/load.ts";
import { createLogger, redactSecrets } from "./logger.ts";
import { createWebhookServer } from "./server.ts";

/** How long a stop may take before the process gives up waiting. */
const SHUTDOWN_DEADLINE_MS = 8_000;

loadDotenv({ quiet: true });
const config = readConfig();
const secrets = [config.botToken, config.webhook?.secret ?? ""];
const logger = createLogger({ level: config.logLevel, secrets });

process.on("uncaughtException", (error) => die(error, "uncaught exception"));
process.on("unhandledRejection", (error) => die(error, "unhandled rejection"));

const knowledge = loadKnowledgeOrExit(config.knowledgeDir);
const engine = createEngine(knowledge);
const bot = createBot(config, { engine, logger });

try {
  await bot.init();
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

const stop =
  config.mode === "webhook"
    ? await startWebhook(config)
    : (await startPolling(bot, logger, { onFatal: (error) => die(error, "long polling stopped") })).stop;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return; // a second signal while stopping: the deadline below still holds
    stopping = true;
    logger.info({ signal }, "stopping");
    setTimeout(() => {
      logger.warn("in-flight updates did not finish in time; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stop().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => die(error, "error while stopping"),
    );
  });
}

async function startWebhook({ webhook }: Config): Promise<() => Promise<void>> {
  const { url, secret, port } = webhook!;
  const server = createWebhookServer(bot, { secretToken: secret, logger, path: new URL(url).pathname });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ port }, "webhook server listening");
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve()); // waits for requests being handled
      server.closeIdleConnections();
    });
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
