// The playground: an in-process Bot API emulator for the bot to long-poll, and the web page
// that plays Telegram's app on top of it. The bot itself is the usual one (main.ts).
import type { UserFromGetMe } from "grammy/types";
import type { TelegramConnection } from "../config.ts";
import { FakeTelegram } from "./fake-telegram.ts";
import { startPlaygroundServer } from "./server.ts";
import { PlaygroundSession } from "./session.ts";

export interface Playground {
  /** Where the bot finds its Bot API: the emulator. */
  connection: TelegramConnection;
  botInfo: UserFromGetMe;
  /** The page, e.g. http://127.0.0.1:8080/ */
  url: string;
  stop(): Promise<void>;
}

export async function startPlayground(port: number): Promise<Playground> {
  // Privacy mode as Telegram sets it for new bots; a playground runs for hours, so no call log.
  const telegram = await FakeTelegram.start({
    botUsername: "qa_playground_bot",
    botFirstName: "بوت الأسئلة",
    groupPrivacy: true,
    recordCalls: false,
  });
  const session = new PlaygroundSession(telegram);
  let web;
  try {
    web = await startPlaygroundServer(session, port);
  } catch (error) {
    await telegram.stop();
    throw error;
  }
  return {
    connection: { botToken: telegram.token, apiRoot: telegram.apiRoot },
    botInfo: telegram.botInfo,
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      await web.close();
      await telegram.stop();
    },
  };
}
