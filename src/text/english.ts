// English words people drop into Arabic questions («ال open source AI», «mini player تبع
// Spotify»): their Arabic forms, tried like dialect forms for a word the text does not hold.
// General vocabulary of news on technology, business, regulation, sport, cars and phones,
// health, travel and events; names belong in the knowledge's alias table instead.
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
  mini: ["صغير"], player: ["مشغل", "لاعب"], streaming: ["البث"], stream: ["بث"], music: ["موسيقى", "موسيقية"],
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
  // sport
  match: ["مباراة"], game: ["مباراة", "لعبة"], goal: ["هدف"], goals: ["أهداف"], team: ["فريق"], teams: ["الفرق"],
  coach: ["مدرب"], referee: ["حكم"], penalty: ["ركلة جزاء"], final: ["النهائي", "نهائي"], league: ["الدوري"], cup: ["كأس"],
  fans: ["الجماهير", "المشجعين"], stadium: ["الملعب"], score: ["النتيجة"], win: ["فوز"], won: ["فاز"], lost: ["خسر"],
  // cars, phones, devices
  car: ["سيارة"], cars: ["السيارات"], electric: ["الكهربائية", "كهربائي"], battery: ["بطارية"], charging: ["الشحن"],
  charge: ["شحن"], charger: ["شاحن"], range: ["المدى"], speed: ["السرعة"], engine: ["محرك"], motor: ["محرك"],
  phone: ["هاتف"], mobile: ["هاتف", "جوال"], camera: ["كاميرا"], screen: ["شاشة"], display: ["شاشة"], version: ["نسخة", "إصدار"],
  update: ["تحديث"], device: ["جهاز"], devices: ["الأجهزة"], design: ["تصميم"], color: ["لون"], colors: ["الألوان"],
  // money, prices, business
  cost: ["تكلفة", "سعر"], money: ["أموال"], bank: ["بنك", "مصرف"], interest: ["الفائدة"], rate: ["سعر", "معدل"],
  inflation: ["التضخم"], economy: ["الاقتصاد"], budget: ["الميزانية"], tax: ["ضريبة"], sales: ["المبيعات"],
  revenue: ["الإيرادات"], profit: ["أرباح"], deal: ["صفقة", "اتفاق"], agreement: ["اتفاقية"], offer: ["عرض"],
  discount: ["خصم"], free: ["مجاني", "مجانا"], contract: ["عقد"], manager: ["مدير"], director: ["مدير"], minister: ["وزير"],
  // health, study, people
  study: ["دراسة"], research: ["بحث", "دراسة"], researchers: ["الباحثين"], results: ["النتائج"], result: ["نتيجة"],
  doctor: ["طبيب"], patients: ["المرضى"], patient: ["مريض"], health: ["الصحة"], disease: ["مرض"], diabetes: ["السكري"],
  walking: ["المشي"], walk: ["المشي"], exercise: ["رياضة", "تمارين"], food: ["طعام"], meal: ["وجبة"], meals: ["الوجبات"],
  people: ["الناس", "الأشخاص"], women: ["النساء"], men: ["الرجال"], children: ["الأطفال"], age: ["العمر", "سن"],
  // travel, events, places
  flight: ["رحلة"], flights: ["رحلات"], airline: ["شركة طيران"], airport: ["مطار"], ticket: ["تذكرة"], tickets: ["تذاكر"],
  trip: ["رحلة"], hotel: ["فندق"], event: ["حدث", "فعالية"], festival: ["مهرجان"], fair: ["معرض"], exhibition: ["معرض"],
  book: ["كتاب"], books: ["الكتب"], city: ["مدينة"], country: ["دولة", "بلد"], capital: ["العاصمة"],
  // time and quantity
  date: ["تاريخ"], time: ["وقت", "موعد"], year: ["عام", "سنة"], month: ["شهر"], week: ["أسبوع"], day: ["يوم"],
  today: ["اليوم"], tomorrow: ["غدا"], number: ["عدد"], percent: ["بالمئة", "نسبة"], percentage: ["نسبة"], total: ["إجمالي"],
  // law and news
  court: ["محكمة"], parliament: ["البرلمان", "مجلس النواب"], vote: ["تصويت"], decision: ["قرار"], plan: ["خطة"],
  project: ["مشروع"], report: ["تقرير"], news: ["خبر", "أخبار"], article: ["مقال"], author: ["كاتب"], interview: ["مقابلة"],
  judge: ["قاضي", "القاضي"], ruling: ["حكم"], lawyer: ["محامي"], police: ["الشرطة"], strike: ["إضراب"], workers: ["العمال"],
  worker: ["عامل"], employees: ["الموظفين"], employee: ["موظف"], salary: ["راتب"], salaries: ["الرواتب"], wage: ["أجر"], wages: ["الأجور"],
  // energy, ports, building, size
  energy: ["الطاقة"], solar: ["الشمسية"], power: ["الطاقة", "الكهرباء"], electricity: ["الكهرباء"], plant: ["محطة"],
  capacity: ["القدرة", "السعة", "الطاقة الاستيعابية"], port: ["ميناء"], ship: ["سفينة"], ships: ["السفن"],
  container: ["حاوية"], containers: ["الحاويات"], bridge: ["جسر"], road: ["طريق"], building: ["مبنى"], museum: ["متحف"],
  length: ["طول"], height: ["ارتفاع"], depth: ["عمق"], area: ["مساحة"], size: ["حجم"], distance: ["مسافة"],
  location: ["موقع"], opening: ["افتتاح"], visitors: ["الزوار"], visitor: ["زائر"], population: ["السكان"], residents: ["السكان"],
  // nature, weather, disasters
  bird: ["طائر"], birds: ["الطيور"], migration: ["هجرة"], species: ["أنواع", "نوع"], water: ["المياه", "الماء"],
  weather: ["الطقس"], heat: ["الحر", "الحرارة"], heatwave: ["موجة حر"], heatstroke: ["ضربة شمس"], temperature: ["درجة الحرارة"],
  rain: ["الأمطار"], flood: ["فيضان"], floods: ["الفيضانات"], fire: ["حريق"], fires: ["الحرائق"], damage: ["الأضرار"],
  deaths: ["الوفيات"], victims: ["الضحايا"], injured: ["المصابين"],
  // medicine and science
  hospital: ["مستشفى"], vaccine: ["لقاح"], vaccines: ["اللقاحات"], virus: ["فيروس"], bacteria: ["البكتيريا"],
  antibiotic: ["مضاد حيوي"], drug: ["دواء"], medicine: ["دواء"], treatment: ["علاج"], tracking: ["تتبع"], patent: ["براءة اختراع"],
  // school, prizes, sport
  school: ["مدرسة"], university: ["جامعة"], students: ["الطلاب"], student: ["طالب"], exam: ["امتحان"], teacher: ["معلم"],
  winner: ["الفائز"], prize: ["جائزة"], award: ["جائزة"], race: ["سباق"], runner: ["عداء"], runners: ["العدائين"],
  record: ["الرقم القياسي"], medal: ["ميدالية"], medals: ["الميداليات"],
  // money and people in charge
  loan: ["قرض"], funding: ["تمويل"], investors: ["المستثمرين"], startup: ["شركة ناشئة"], owner: ["مالك"],
  engineer: ["مهندس"], architect: ["مهندس معماري"], chairman: ["رئيس مجلس الإدارة"], president: ["رئيس"], sponsor: ["راعي", "رعاية"],
};

const TABLE = new Map(Object.entries(GLOSSARY).map(([word, forms]) => [word, forms.map(normalize)]));

/** Arabic forms of a (lower-case) English word, best first. */
export function arabicForEnglish(word: string): string[] {
  return TABLE.get(word) ?? TABLE.get(word.replace(/s$/, "")) ?? [];
}
