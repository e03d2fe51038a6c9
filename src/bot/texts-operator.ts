// What users and admins read about feedback and the admin tools (the rest is in texts.ts).
// Operator details (file names, what to fix) come from the importer in English, in <code>.
import { arabicDigits, escapeHtml, isolateLatin } from "./html.ts";

/** Arabic counting: one, two, 3–10 (plural), 11 and up (singular). */
const counted = (n: number, one: string, two: string, few: string) =>
  n === 1 ? `${one} واحد${one.endsWith("ة") ? "ة" : ""}` : n === 2 ? two : n >= 3 && n <= 10 ? `${arabicDigits(n)} ${few}` : `${arabicDigits(n)} ${one}`;
const paragraphs = (n: number) => counted(n, "فقرة", "فقرتان", "فقرات");
const questions = (n: number) => counted(n, "سؤال", "سؤالان", "أسئلة");
const answers = (n: number) => counted(n, "جواب", "جوابان", "أجوبة");
const articles = (n: number) => counted(n, "مقالة", "مقالتان", "مقالات");
const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${arabicDigits(Math.round((100 * part) / whole))}٪`);

export const operatorTexts = {
  feedback: {
    up: "👍",
    down: "👎",
    thanks: "شكرًا لك! سجّلنا رأيك.",
  },

  documentHint: "لا أقرأ الملفات المرسلة؛ أرسل سؤالك نصًّا مكتوبًا من فضلك.",

  admin: {
    commands: [
      { command: "reload", description: "إعادة تحميل المقالات" },
      { command: "stats", description: "إحصاءات الأسئلة" },
      { command: "unanswered", description: "أسئلة بلا جواب" },
    ],
    importing: "جارٍ استيراد المقالة…",
    imported: (title: string, file: string, count: number, dropped: number, warnings: string[]) =>
      [
        `✅ أضفت المقالة «${escapeHtml(isolateLatin(title))}» وصارت متاحة للأسئلة الآن.`,
        `الملف: <code>${escapeHtml(file)}</code> — ${paragraphs(count)}${dropped > 0 ? `، وحذفت ${arabicDigits(dropped)} من عناصر الموقع (قوائم واشتراك وتعليقات…)` : ""}.`,
        ...warnings.map((warning) => `⚠️ <code>${escapeHtml(warning)}</code>`),
        "أضف إلى ملفها أسئلةً أمثلة تحت <code>examples</code> لتظهر في /start.",
      ].join("\n"),
    failed: (detail: string) => `لم أستطع استيراد المقالة:\n<code>${escapeHtml(detail)}</code>`,
    replaceHint: "لاستبدال المقالة الموجودة، أرسل الملف من جديد واكتب في تعليقه: استبدال",
    captionHint: "اكتب ما ينقص في تعليق الملف، سطرًا لكل حقل، مثل:\n<code>publisher: اسم الناشر</code>\n<code>title: عنوان المقالة</code>",
    unsupported: "أستورد ملفات ‎.md‎ و‎.txt‎ و‎.html‎ فقط.",
    tooBig: "الملف أكبر من أن أستورده (الحد ٥ ميغابايت).",
    offerLink: "هل أستورد هذه الصفحة إلى المقالات التي أجيب منها؟",
    importButton: "استيراد الصفحة",
    linkGone: "لم أعد أجد الرابط؛ أرسله من جديد من فضلك.",
    reloaded: (documents: number) => `🔄 أعدت تحميل المقالات: ${articles(documents)} متاحة الآن.`,
    reloadFailed: (detail: string) => `لم أُعِد التحميل، وما زالت النسخة السابقة تعمل. أصلح هذا ثم أعد المحاولة:\n<code>${escapeHtml(detail)}</code>`,
    noLog: "سجلّ الأسئلة متوقف (LOG_QUESTIONS=false) أو لا يمكن فتحه.",
    stats: (
      day: { asked: number; answered: number; up: number; down: number },
      week: { asked: number; answered: number; up: number; down: number },
      perArticle: Array<{ documentId: string; answers: number; up: number; down: number }>,
    ) =>
      [
        "<b>الإحصاءات</b>",
        `آخر ٢٤ ساعة: ${questions(day.asked)}، أُجيب ${percent(day.answered, day.asked)}، 👍 ${arabicDigits(day.up)}، 👎 ${arabicDigits(day.down)}`,
        `آخر ٧ أيام: ${questions(week.asked)}، أُجيب ${percent(week.answered, week.asked)}، 👍 ${arabicDigits(week.up)}، 👎 ${arabicDigits(week.down)}`,
        ...(perArticle.length > 0 ? ["", "<b>لكل مقالة (٧ أيام):</b>"] : []),
        ...perArticle.map((a) => `• <code>${escapeHtml(a.documentId)}</code>: ${answers(a.answers)}، 👍 ${arabicDigits(a.up)}، 👎 ${arabicDigits(a.down)}`),
      ].join("\n"),
    unanswered: (rows: Array<{ question: string; asked: number }>) =>
      rows.length === 0
        ? "لا أسئلة بلا جواب حتى الآن. 🎉"
        : ["<b>أكثر الأسئلة التي لم أجد لها جوابًا:</b>", ...rows.map((r) => `• (${arabicDigits(r.asked)}) ${escapeHtml(r.question)}`)].join("\n"),
  },
} as const;
