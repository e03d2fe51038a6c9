// Questions about an article itself — who wrote it, when and where it was published, its
// link — answered from its front matter, never from its text and never invented: a detail
// the front matter lacks is said to be unknown.
import type { Word } from "../text/analyze.ts";
import { normalize } from "../text/normalize.ts";
import type { KnowledgeDocument, Result } from "../types.ts";
import type { Question } from "./question.ts";

export type DetailField = "author" | "published" | "publisher" | "url" | "title";

const words = (list: string) => new Set(list.split(" ").map(normalize));
const CUES: Record<DetailField, Set<string>> = {
  author: words("كتب كتبه كتبها كتبت انكتب انكتبت اتكتب اتكتبت كاتب كاتبة الكاتب الكاتبة كاتبه كاتبها مؤلف المؤلف بقلم محرر المحرر صحفي الصحفي الصحفية مراسل المراسل author writer wrote written"),
  published: new Set(),
  publisher: words("موقع الموقع مصدر مصدره المصدر ناشر الناشر جريدة الجريدة صحيفة الصحيفة مجلة المجلة وكالة الوكالة قناة القناة منصة publisher"),
  url: words("رابط الرابط رابطه لينك اللينك link url"),
  title: words("عنوان العنوان عنوانه title"),
};
/** «نُشر» asks when with «متى», where with «وين», and names the publisher with «من». */
const PUBLISHED = words("نشر نشرت انشر ينشر تنشر النشر نشره نشرها منشور صدر صدرت اتنشر اتنشرت انتشر published posted");
/** «تاريخ» is a date only beside «نشر» or the article («تاريخ الخبر»); alone it is as often history. */
const DATE = words("تاريخ date");
/** Words that point at the article itself rather than at what it says. */
const ARTICLE = words("مقال المقال مقاله المقاله مقالة المقالة خبر الخبر خبره تقرير التقرير النص الموضوع الحكي article report news story");
/** Words that ask for a detail without naming an article: «اسم الكاتب», «المصدر الأصلي». */
const NEUTRAL = words("اسم اسمه الاصلي الاصليه الاصل original name");

const OPEN = words("مفتوح مفتوحة مفتوحه مغلق مغلقة مغلقه");
/** «مين الصحفي اللي كتب عن…؟»: a journalist who wrote or published is the article's writer, with or without a word for the article. */
const JOURNALIST = words("صحفي الصحفي صحفية الصحفية صحفيه الصحفيه مراسل المراسل مراسلة المراسلة محرر المحرر محررة المحررة");
const WROTE = words("كتب كتبت كتبه كتبها انكتب اتكتب");

/** A cue with a conjunction, a preposition or Levantine «ها» (this) on it: «والكاتب», «بتاريخ», «للمقال», «هالخبر». */
const inSet = (set: Set<string>, word: string) =>
  set.has(word) ||
  (word.length > 3 && /^[وفبله]/.test(word) && set.has(word.slice(1))) ||
  (word.startsWith("لل") && set.has("ال" + word.slice(2)));

export interface DetailsQuestion {
  fields: DetailField[];
  /** The question's other content words: they name which article is meant, if any. */
  subject: Word[];
}

/** A question about an article's details, or undefined for a question about what articles say. */
export function detailsQuestion(question: Question): DetailsQuestion | undefined {
  const fields = new Set<DetailField>();
  let aboutArticle = false;
  const subject: Word[] = [];
  let published = false;
  let dated = false;
  let journalist = false;
  let wrote = false;
  question.words.forEach((word, i) => {
    // «مفتوح المصدر» is open source, not a source.
    const openSource = OPEN.has(question.words[i - 1]?.text ?? "");
    const cue = (Object.keys(CUES) as DetailField[]).find((field) => inSet(CUES[field], word.text) && !(field === "publisher" && openSource));
    if (inSet(JOURNALIST, word.text)) journalist = true;
    if (inSet(WROTE, word.text)) wrote = true;
    if (cue) fields.add(cue);
    else if (inSet(PUBLISHED, word.text)) published = true;
    else if (inSet(DATE, word.text)) dated = true;
    else if (inSet(ARTICLE, word.text)) aboutArticle = true;
    else if (word.term && !NEUTRAL.has(word.text)) subject.push(word);
  });
  // «متى كتب المقال؟» asks when it was written, not who wrote it; «وين انكتب الخبر؟», where.
  if (question.kind === "when" && fields.delete("author")) published = true;
  if (question.kind === "where" && fields.delete("author")) fields.add("publisher");
  // «متى نُشر؟» asks the date; «وين نُشر؟» and «مين نشر؟» the publisher; «أي موقع نشر…» only the site.
  if (dated && (published || aboutArticle)) fields.add("published");
  else if (published && fields.size === 0) fields.add(question.kind === "where" || question.kind === "who" ? "publisher" : "published");
  if (fields.size === 0) return undefined;
  if (journalist && (wrote || published)) aboutArticle = true;
  // «من أين هذا الخبر؟»: where an article comes from is its publisher.
  // Without a word for the article, the question must be about nothing else («متى نُشر؟»):
  // «من كتب رواية الثلاثية؟» asks what the text says.
  if (!aboutArticle && subject.length > 0) return undefined;
  return { fields: [...fields], subject };
}

/** Where an article comes from, with nothing but the question word: «من وين الخبر؟». */
export function asksWhereFrom(question: Question): DetailsQuestion | undefined {
  const about = question.words.some((w) => inSet(ARTICLE, w.text));
  if (!about || question.kind !== "where") return undefined;
  return { fields: ["publisher"], subject: question.words.filter((w) => w.term && !inSet(ARTICLE, w.text)) };
}

export function detailResults(document: KnowledgeDocument, fields: DetailField[]): Result[] {
  const { examples: _examples, ...meta } = document.meta;
  return fields.map((field) => ({
    quote: detailLine(document, field),
    documentId: document.id,
    paragraph: 0,
    sentence: 0,
    score: 1,
    highlights: [],
    document: meta,
    source: "details" as const,
  }));
}

function detailLine({ meta }: KnowledgeDocument, field: DetailField): string {
  const original = meta.original;
  switch (field) {
    case "author":
      if (meta.author) return `بقلم: ${meta.author}`;
      if (original?.author) return `كاتب المقال الأصلي: ${original.author} (${original.publisher})`;
      return "لم يُذكر كاتب هذا المقال في تفاصيله.";
    case "published":
      if (meta.published) return `تاريخ النشر: ${meta.published}`;
      if (original?.published) return `تاريخ نشر المقال الأصلي: ${original.published} (${original.publisher})`;
      return "لم يُذكر تاريخ نشر هذا المقال في تفاصيله.";
    case "publisher":
      return original ? `الناشر: ${meta.publisher}، نقلًا عن ${original.publisher}` : `الناشر: ${meta.publisher}`;
    case "url":
      return meta.url ? `الرابط: ${meta.url}` : `لا يُعرف رابط هذا المقال؛ ناشره: ${meta.publisher}.`;
    case "title":
      return original ? `العنوان: ${meta.title} (الأصل: ${original.title})` : `العنوان: ${meta.title}`;
  }
}
