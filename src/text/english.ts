// English words people drop into Arabic questions («ال open source AI», «mini player تبع
// Spotify»): their Arabic forms, tried like dialect forms for a word the text does not hold.
// General vocabulary of technology, business and regulation news; names belong in the
// knowledge's alias table instead.
import { normalize } from "./normalize.ts";

const GLOSSARY: Record<string, string[]> = {
  ai: ["الذكاء الاصطناعي"], artificial: ["الاصطناعي"], intelligence: ["الذكاء"],
  model: ["نموذج"], models: ["نماذج"], multimodal: ["متعدد الوسائط", "متعدد النماذج"],
  open: ["مفتوح"], source: ["المصدر"], weights: ["الوزن"], weight: ["الوزن"],
  data: ["البيانات"], privacy: ["الخصوصية"], training: ["تدريب"], train: ["تدريب"],
  regulation: ["التنظيم", "اللوائح"], regulations: ["اللوائح", "التنظيم"], regulators: ["المنظمين", "الهيئات التنظيمية"],
  rules: ["قواعد", "اللوائح"], rule: ["قاعدة"], law: ["قانون"], laws: ["قوانين"], act: ["قانون"],
  compliance: ["امتثال"], monopoly: ["احتكار"], gatekeeper: ["حارس البوابة"], fine: ["غرامة"], fines: ["غرامات"],
  ceo: ["الرئيس التنفيذي"], founder: ["مؤسس"], company: ["شركة"], companies: ["الشركات"],
  users: ["المستخدمين"], user: ["مستخدم"], customers: ["العملاء"], developers: ["المطورين"], developer: ["مطور"],
  artists: ["الفنانين"], artist: ["فنان"], creators: ["منشئي المحتوى"], content: ["المحتوى"],
  app: ["تطبيق"], apps: ["التطبيقات"], store: ["متجر"], payment: ["الدفع"], payments: ["الدفع"],
  mini: ["صغير"], player: ["مشغل"], streaming: ["البث"], stream: ["بث"], music: ["موسيقى", "موسيقية"],
  personalization: ["مخصصة"], personalized: ["مخصصة"], innovation: ["الابتكار"], technology: ["تكنولوجيا", "تقنية"],
  tech: ["تقنية", "التكنولوجيا"], products: ["المنتجات"], product: ["منتج"], images: ["الصور"], image: ["صورة"],
  blog: ["مدونة"], post: ["منشور"], statement: ["بيان"], statements: ["بيانات", "بيانين"], joint: ["مشترك", "مشتركين"],
  europe: ["أوروبا"], european: ["الأوروبي"], europeans: ["الأوروبيين"], future: ["مستقبل"], industry: ["الصناعة"],
  extortion: ["ابتزاز"], farce: ["مهزلة"], criticism: ["انتقاد"], criticize: ["انتقاد"], criticized: ["انتقدت"],
  experience: ["تجربة"], personal: ["شخصي", "مخصصة"], custom: ["مخصص"], success: ["نجاح"], growth: ["نمو"],
  support: ["دعم"], launch: ["إطلاق"], release: ["إطلاق", "إصدار"], block: ["حجب"], ban: ["حظر", "منع"],
  delay: ["تأخير"], clarity: ["الوضوح"], unclear: ["عدم الوضوح"], uncertainty: ["عدم الوضوح"], competition: ["المنافسة"],
  market: ["السوق"], markets: ["الأسواق"], digital: ["الرقمية"], platform: ["منصة"], platforms: ["المنصات"],
  service: ["خدمة"], services: ["الخدمات"], subscription: ["اشتراك"], price: ["سعر"], access: ["الوصول"],
  feature: ["ميزة"], features: ["ميزات"], partnership: ["شراكة"], government: ["الحكومة"], commission: ["المفوضية"],
  ecosystem: ["النظام البيئي"], investment: ["استثمار"], culture: ["الثقافة"], languages: ["اللغات"], knowledge: ["المعرفة"],
  enemy: ["عدو"], enemies: ["أعداء"], rival: ["منافس", "عدو"], competitor: ["منافس"], simplified: ["المبسط"], simple: ["بسيط", "المبسط"],
  reading: ["القراءة"], read: ["القراءة"], lines: ["السطور"], benefit: ["فائدة"], problem: ["مشكلة"], reason: ["سبب"],
};

const TABLE = new Map(Object.entries(GLOSSARY).map(([word, forms]) => [word, forms.map(normalize)]));

/** Arabic forms of a (lower-case) English word, best first. */
export function arabicForEnglish(word: string): string[] {
  return TABLE.get(word) ?? TABLE.get(word.replace(/s$/, "")) ?? [];
}
