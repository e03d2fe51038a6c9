// Who is in the playground: you, two friends in the group, and the chats of the three tabs.
import type { Chat, User } from "grammy/types";

export const ME: User = { id: 1001, is_bot: false, first_name: "أنت", language_code: "ar" };

/** Group members you can post as; you first. */
export const MEMBERS: readonly User[] = [
  ME,
  { id: 1002, is_bot: false, first_name: "سارة", language_code: "ar" },
  { id: 1003, is_bot: false, first_name: "Omar", last_name: "Haddad", language_code: "en" },
];

export const GROUP: Chat.SupergroupChat = { id: -1001000000001, type: "supergroup", title: "مجموعة التجربة" };

/** The inline tab: a chat with a friend, where the bot is not a member and answers only inline. */
export const FRIEND_CHAT: Chat.PrivateChat = { id: 1002, type: "private", first_name: "سارة" };

export type Tab = "private" | "group" | "inline";

/** The emulator's chat id of the private tab is your user id, as on Telegram. */
export function tabOfChat(chatId: number): Tab | undefined {
  if (chatId === ME.id) return "private";
  if (chatId === GROUP.id) return "group";
  return undefined;
}
