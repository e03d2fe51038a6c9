// Dialect words → Modern Standard Arabic, for question words the text does not hold.
// People ask in Gulf, Levantine, Egyptian or Iraqi Arabic; the articles are in MSA. The
// engine tries these forms only for a question word it cannot match as written, so a
// word that is also MSA (بيان، هيئة) is never rewritten when the text has it.
import { normalize } from "./normalize.ts";

const LEXICON: Record<string, string[]> = {
  // doing, making, becoming
  "يسوي": ["يفعل", "يعمل"], "تسوي": ["تفعل", "تعمل"], "سوى": ["فعل", "عمل"], "سوت": ["فعلت", "عملت"],
  "سووا": ["فعلوا", "عملوا"], "سووه": ["فعلوه", "عملوه"], "يسووا": ["يفعلون"], "بيعمل": ["يعمل"],
  "بقى": ["اصبح"], "بقت": ["اصبحت"], "بقوا": ["اصبحوا"], "صار": ["اصبح", "حدث"], "صارت": ["اصبحت", "حدثت"],
  "يصير": ["يصبح", "يحدث"], "تصير": ["تصبح", "تحدث"], "خلى": ["جعل"], "خلت": ["جعلت"], "يخلي": ["يجعل"],
  "يشتغل": ["يعمل"], "تشتغل": ["تعمل"], "اشتغل": ["عمل"], "اشتغلوا": ["عملوا"], "شغل": ["عمل"],
  // «هم ضد…» stands for a verb: they oppose, they criticise
  "ضد": ["يعارض", "تعارض", "معارضه", "ينتقد"],
  // coming, going, seeing, wanting, saying
  "جاي": ["قادم"], "الجاي": ["القادم"], "الجايه": ["القادمه"], "جايه": ["قادمه"], "اجا": ["جاء"], "اجت": ["جاءت"],
  "شايف": ["يرى"], "شايفه": ["ترى"], "شايفين": ["يرون"], "يشوف": ["يرى"], "تشوف": ["ترى"], "شاف": ["راى"], "شافت": ["رات"],
  // wanting: MSA says it with أراد or رغب
  "عايز": ["يريد", "يرغب"], "عايزه": ["تريد", "ترغب"], "عاوز": ["يريد", "يرغب"], "عاوزه": ["تريد", "ترغب"],
  "بدو": ["يريد", "يرغب"], "بدها": ["تريد", "ترغب"], "بدهم": ["يريدون", "يرغبون"], "يبغى": ["يريد", "يرغب"],
  "تبغى": ["تريد", "ترغب"], "يبي": ["يريد", "يرغب"], "تبي": ["تريد", "ترغب"], "يبون": ["يريدون", "يرغبون"],
  "يحكي": ["يقول"], "تحكي": ["تقول"], "حكى": ["قال"], "حكت": ["قالت"], "بيحكي": ["يقول"],
  "نزل": ["اطلق", "صدر"], "نزلت": ["اطلقت", "صدرت"], "ينزل": ["يطلق", "يصدر"], "طلع": ["صدر", "ظهر"], "طلعت": ["صدرت", "ظهرت"],
  "دور": ["بحث"], "يدور": ["يبحث"], "خد": ["اخذ"], "ياخد": ["ياخذ"],
  // things, people, amounts
  "الاتنين": ["الاثنان", "الاثنين"], "اتنين": ["اثنان", "اثنين"], "التنين": ["الاثنان", "الاثنين"], "تنين": ["اثنان"],
  "تلات": ["ثلاث"], "تلاته": ["ثلاثه"], "حاجه": ["شيء"], "حاجات": ["اشياء"], "شي": ["شيء"], "اشي": ["شيء"],
  "فلوس": ["اموال"], "مصاري": ["اموال"], "كتير": ["كثير"], "كتيره": ["كثيره"], "شويه": ["قليل"], "زياده": ["اكثر"],
  "تاني": ["ثاني", "اخر"], "تانيه": ["ثانيه", "اخري"], "زي": ["مثل"], "متل": ["مثل"], "منيح": ["جيد"], "كويس": ["جيد"],
  "زين": ["جيد"], "مزبوط": ["صحيح"], "هلا": ["الان"], "هلق": ["الان"], "دلوقتي": ["الان"], "الحين": ["الان"],
  "امبارح": ["امس"], "بكره": ["غدا"], "لسه": ["بعد"], "برضو": ["ايضا"], "برضه": ["ايضا"], "كمان": ["ايضا"],
  "سوا": ["معا"], "يضل": ["يظل", "يبقى"], "تضل": ["تظل", "تبقى"], "ضل": ["ظل", "بقي"], "ضلت": ["ظلت", "بقيت"],
  "تخلي": ["تجعل"], "طول": ["دائما"], "بغى": ["اراد", "رغب"], "بغات": ["ارادت", "رغبت"], "بغاو": ["ارادوا", "رغبوا"],
  // loanwords written in Arabic script
  "موديل": ["نموذج"], "موديلات": ["نماذج"], "الموديل": ["النموذج"], "داتا": ["بيانات"], "الداتا": ["البيانات"],
  "يوزر": ["مستخدم"], "يوزرز": ["مستخدمين"], "ابلكيشن": ["تطبيق"], "ابليكيشن": ["تطبيق"],
  "بزاف": ["كثير"], "ليش": ["لماذا"], "ليه": ["لماذا"], "مين": ["من"], "وين": ["اين"], "فين": ["اين"], "ايش": ["ماذا"], "شو": ["ماذا"],
  // Levantine «يلي» (which) is no stop word: as one, «ليلى» read as ل + يلي and the name was lost.
  // It is MSA too («التي تلي»): only a text without it makes it a particle.
  "يلي": ["الذي"],
  "مافي": ["لا يوجد"], "اكو": ["يوجد"], "ماكو": ["لا يوجد"],
};

const TABLE = new Map(Object.entries(LEXICON).map(([word, forms]) => [normalize(word), forms.map(normalize)]));

/**
 * MSA forms of a (normalised) dialect word: from the lexicon, then by its verb prefixes
 * (Egyptian future ه/ح → س, Levantine and Egyptian present ب → bare verb).
 */
export function dialectVariants(word: string): string[] {
  const variants = [...(TABLE.get(word) ?? [])];
  // Egyptian and Maghrebi negation wraps the word: «مابيشتكوش», «ماغاديش» → the word inside.
  const negated = /^ما(...+)ش$/.exec(word);
  if (negated) return [negated[1]!, ...dialectVariants(negated[1]!)];
  // Levantine «هالتأخير» (this delay): the demonstrative ها on the article.
  const demonstrative = /^ه(ال..+)$/.exec(word);
  if (demonstrative) return [demonstrative[1]!, ...dialectVariants(demonstrative[1]!)];
  // Maghrebi present «كيشوف», «كنعرف», «كتبغي»: the ك before the verb.
  const maghrebi = /^ك([يتن]..+)$/.exec(word);
  if (maghrebi) variants.push(maghrebi[1]!, ...(TABLE.get(maghrebi[1]!) ?? []));
  const verb = /^(?:[وف])?([هحب])([يتن]..+)$/.exec(word);
  if (verb) {
    const [, prefix, rest] = verb;
    variants.push(prefix === "ب" ? rest! : "س" + rest!);
    variants.push(...(TABLE.get(rest!) ?? []));
  }
  return variants;
}
