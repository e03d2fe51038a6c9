// Every string a user can see, in one place. HTML-safe: values that come from outside
// (titles, names, questions) are escaped by the callers through `escapeHtml`.
import { arabicDigits, escapeHtml, isolateLatin } from "./html.ts";

export const MAX_QUESTION_LENGTH = 500;

// A left-to-right mark before "@name" and "/command" keeps the sign on the left of the
// Latin word in an Arabic sentence, and Telegram still makes them clickable.
const LRM = "\u200E";
const handle = (username: string) => `${LRM}@${username}`;
const cmd = (name: string) => `${LRM}/${name}`;
/** ", مثل: …" after an instruction, or nothing when the knowledge has no example. */
const like = (example: string | undefined, before = "") => (example ? `، مثل:\n${before}${escapeHtml(example)}` : ".");

/** "مقال واحد", "مقالان", "٥ مقالات", "١٥٠ مقالًا", "٢٠٠ مقال": the noun follows the number's last part. */
function articleCount(count: number): string {
  if (count === 1) return "مقال واحد";
  if (count === 2) return "مقالان";
  const rest = count % 100;
  const noun = rest >= 3 && rest <= 10 ? "مقالات" : rest >= 11 ? "مقالًا" : "مقال";
  return `${arabicDigits(count)} ${noun}`;
}

export const texts = {
  /** /start: what the bot does, how many articles it knows and the first few titles. */
  welcome: (count: number, titles: string[], hasExamples: boolean) =>
    [
      "أهلًا بك! 👋",
      "أنا بوت يجيب عن أسئلتك من مقالات أعرفها، فيقتبس لك الجملة التي تحمل الجواب بنصّها كما وردت، مع مصدرها.",
      "",
      `<b>ما أعرفه:</b> ${articleCount(count)}`,
      ...titles.map((title) => `• «${escapeHtml(isolateLatin(title))}»`),
      ...(count > titles.length ? [`… والقائمة كاملة في ${cmd("sources")}`] : []),
      "",
      hasExamples ? "اكتب سؤالك مباشرةً، أو جرّب أحد هذه الأسئلة:" : "اكتب سؤالك مباشرةً.",
    ].join("\n"),

  /** /help; in a group the group how-to comes first, since that is where it was asked. */
  help: (username: string, { inGroup, example }: { inGroup: boolean; example?: string }) => {
    const privately = `• <b>في المحادثة الخاصة:</b> اكتب سؤالك مباشرةً${example ? `، مثل: ${escapeHtml(example)}` : "."}`;
    const group = `• <b>في المجموعات:</b> اكتب ${cmd("ask")} ثم سؤالك، أو اذكرني ${handle(username)} في رسالتك، أو ردّ على إحدى رسائلي. ولتسأل عن رسالة كتبها غيرك، ردّ عليها بالأمر ${cmd("ask")} وحده.`;
    return [
      "<b>كيف تسألني؟</b>",
      "",
      ...(inGroup ? [group, privately] : [privately, group]),
      `• <b>في أي محادثة:</b> اكتب ${handle(username)} ثم سؤالك، واختر الاقتباس الذي تريد إرساله.`,
      "",
      "تحت كل جواب زرّان: «نتيجة أخرى» لاقتباس آخر، و«الفقرة كاملة» لقراءة الفقرة التي ورد فيها.",
      "",
      `الأوامر: ${cmd("start")}  ${cmd("help")}  ${cmd("about")}  ${cmd("sources")}`,
    ].join("\n");
  },

  aboutIntro:
    "أجيب من المقالات التالية وحدها، وأنقل نصّها كما ورد دون أن أؤلّف شيئًا. إن لم أجد الجواب فيها قلت ذلك.",
  sourcesIntro: "<b>المقالات التي أعرفها:</b>",
  articleLabel: "المقال",
  publisherLabel: "الناشر",
  originalLabel: "الأصل",
  authorLabel: "بقلم",
  publishedLabel: "نُشر في",
  sourceLabel: "المصدر",
  paragraphLabel: (paragraph: number) => `الفقرة ${arabicDigits(paragraph)}`,
  detailsLabel: "من تفاصيل المقال لا من نصه",

  noAnswer: (documentCount: number, hasExamples: boolean) =>
    (documentCount === 1
      ? "عذرًا، لا يتناول المقال الذي أعرفه هذا السؤال، ولا أجيب إلا بما ورد فيه."
      : "عذرًا، لا تتناول المقالات التي أعرفها هذا السؤال، ولا أجيب إلا بما ورد فيها.") +
    (hasExamples ? " جرّب سؤالًا مثل:" : ""),
  greeting: "أهلًا وسهلًا! 👋 اكتب سؤالك، وسأبحث لك عن جوابه فيما أعرفه من مقالات.",
  salamReply: "وعليكم السلام ورحمة الله! 👋 اكتب سؤالك، وسأبحث لك عن جوابه فيما أعرفه من مقالات.",
  thanksReply: "العفو! يسعدني أن أساعد. 🌷 إن كان لديك سؤال آخر فاكتبه.",

  nonTextHint: "أرسل سؤالك نصًّا مكتوبًا من فضلك؛ فأنا لا أقرأ الصور ولا الملصقات ولا الرسائل الصوتية.",
  tooLong: `سؤالك طويل جدًّا؛ اختصره في ${arabicDigits(MAX_QUESTION_LENGTH)} حرف على الأكثر من فضلك.`,
  noWords: (example?: string) => `لم أجد في رسالتك كلمات أبحث عنها. اكتب سؤالك بالكلمات${like(example)}`,
  htmlLike: "يبدو أن رسالتك تحتوي على وسوم HTML. أرسل سؤالك نصًّا عاديًّا من فضلك.",
  askUsage: (example?: string) =>
    `اكتب سؤالك بعد الأمر ${cmd("ask")}${like(example, `${cmd("ask")} `)}\nأو ردّ بالأمر ${cmd("ask")} على رسالة فيها سؤال.`,
  mentionUsage: (username: string, example?: string) => `اكتب سؤالك بعد اسمي ${handle(username)}${like(example, `${handle(username)} `)}`,
  unknownCommand: `لا أعرف هذا الأمر. اكتب سؤالك مباشرةً، أو أرسل ${cmd("help")} لمعرفة طريقة الاستخدام.`,
  failed: "عذرًا، حدث خطأ أثناء تجهيز الجواب. حاول مرة أخرى بعد قليل.",
  rateLimited: "أسئلتك كثيرة ومتتابعة؛ تمهّل قليلًا ثم أعد المحاولة بعد ثوانٍ. ⏳",
  groupBusy: "الأسئلة في هذه المجموعة كثيرة الآن؛ سأجيب عنها كلها بالترتيب، لكن بعد قليل. ⏳",

  addedToGroup: (username: string) =>
    [
      "شكرًا لإضافتي! 👋 أجيب عن الأسئلة بالاقتباس من المقالات التي أعرفها.",
      `اسألني هكذا: ${cmd("ask")} سؤالك — أو اذكرني ${handle(username)} في رسالتك، أو ردّ على إحدى رسائلي.`,
    ].join("\n"),

  buttons: {
    nextResult: "نتيجة أخرى",
    fullParagraph: "الفقرة كاملة",
    backToQuote: "رجوع إلى الاقتباس",
    more: "المزيد",
    previous: "السابق",
  },

  pageOf: (page: number, pages: number) => `الصفحة ${arabicDigits(page)} من ${arabicDigits(pages)}`,

  callback: {
    stale: "هذا الزر لم يعد صالحًا. أرسل سؤالك من جديد من فضلك.",
    noMoreResults: "لا توجد نتائج أخرى لهذا السؤال.",
    questionGone: "لم أعد أجد السؤال الأصلي؛ أرسله من جديد من فضلك.",
    notYours: "هذا الجواب لمن سأل. لتسأل بنفسك اكتب /ask ثم سؤالك.",
  },

  inline: {
    noAnswer: "لم أجد جوابًا لهذا — اضغط لمعرفة ما أعرفه",
    resultTitle: (paragraph: number, title: string) => `الفقرة ${arabicDigits(paragraph)} — ${title}`,
  },

  commands: {
    private: [
      { command: "start", description: "البداية وأمثلة على الأسئلة" },
      { command: "help", description: "طريقة الاستخدام" },
      { command: "about", description: "عن البوت ومصدر معلوماته" },
      { command: "sources", description: "المقالات التي أعرفها" },
      { command: "ask", description: "اطرح سؤالًا" },
    ],
    group: [
      { command: "ask", description: "اطرح سؤالًا بعد الأمر" },
      { command: "help", description: "طريقة الاستخدام" },
    ],
  },
} as const;
