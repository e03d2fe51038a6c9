// When someone adds the bot to a group, it posts one short how-to.
import { Composer, type Context } from "grammy";
import type { FeatureDeps } from "../deps.ts";
import { replyHtml } from "../reply.ts";
import { texts } from "../texts.ts";

const PRESENT = new Set(["member", "administrator"]);
const ABSENT = new Set(["left", "kicked"]);

export function membershipFeature(_deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.chatType(["group", "supergroup"]).on("my_chat_member", async (ctx) => {
    const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    if (ABSENT.has(before.status) && PRESENT.has(after.status)) {
      await replyHtml(ctx, texts.addedToGroup(ctx.me.username));
    }
  });
  return composer;
}
