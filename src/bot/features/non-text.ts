// Private chat: stickers, photos, voice and the like get a one-line hint to write instead.
import { Composer, type Context } from "grammy";
import type { FeatureDeps } from "../deps.ts";
import { replyHtml } from "../reply.ts";
import { texts } from "../texts.ts";
import { operatorTexts } from "../texts-operator.ts";

export function nonTextFeature(_deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  // A file is not a photo: say that files are not read (admins' files are imported, see admin.ts).
  composer.chatType("private").on("message:document", (ctx) => replyHtml(ctx, operatorTexts.documentHint, { replyTo: ctx.msg.message_id }));
  composer
    .chatType("private")
    .on(
      [
        "message:sticker",
        "message:photo",
        "message:voice",
        "message:audio",
        "message:video",
        "message:video_note",
        "message:animation",
        "message:location",
        "message:contact",
        "message:poll",
        "message:dice",
      ],
      (ctx) => replyHtml(ctx, texts.nonTextHint, { replyTo: ctx.msg.message_id }),
    );
  return composer;
}
