// Words the knowledge does not hold as written: the look-ups, in order, through the engine.
import { describe, expect, it, vi } from "vitest";
import { createEngine } from "../../src/engine.ts";
import { LOOKUPS } from "../../src/engine/lookup.ts";
import { shelf } from "./fixtures.ts";

const engine = createEngine(
  shelf(
    { id: "football", paragraphs: ["وقال روي ألميدا مدرب الشروق إن فريقه لعب بتركيز عال.", "سجل Thiago Ramos الهدف الثاني من ركلة جزاء."] },
    { id: "software", paragraphs: ["أطلقت الشركة نموذجا مفتوح المصدر للمطورين.", "يعاني المستخدمون من صداع البرمجيات القديمة."] },
    { id: "obituary", paragraphs: ["أعلنت الأسرة وفاة الكاتب في منزله.", "ودفن الكاتب في مسقط رأسه."] },
  ),
);
const first = (question: string) => engine.answer(question).results[0];

describe("word look-ups", () => {
  it("are an ordered list: alias typos, dialect and English words, names across scripts, typos, other forms", () => {
    expect(LOOKUPS.map((l) => l.name)).toEqual([
      "alias spelling one typo away",
      "dialect or English word, in the text as such",
      "a name in the other script",
      "the word without a proclitic light stemming left on",
      "a word of the same meaning",
      "a word of the text one typo away",
      "a word of the text with a slip in its ending",
      "a function word with a slipped letter",
      "two words of the text run together",
      "dialect or English word, in the text in another form",
    ]);
  });

  it("take, of two words of one skeleton, the one that keeps the name's vowels, however common the other", () => {
    const engine = createEngine(
      shelf(
        { id: "a", paragraphs: ["وقال الرئيس إن الحملة ناجحة.", "وأكد الرئيس أن الموسم طويل.", "وقالت الممثلة رويث إن المغرب كان نموذجا."] },
        { id: "b", paragraphs: ["أعلن الرئيس عن خطة جديدة."] },
      ),
    );
    expect(engine.explain("ماذا قالت Ruiz؟").words?.find((w) => w.asked === "ruiz")?.form).toBe("رويث");
  });

  it("find a name whose stem lost its ending («نادين» → «ناد»), and rank by its written vowels before its length", () => {
    const engine = createEngine(
      shelf(
        { id: "a", paragraphs: ["ويقود الفريق الدكتورة نادين خوري، أستاذة علم الأحياء.", "وأكدت القراء أن الكتاب مفيد."] },
        { id: "b", paragraphs: ["أعلنت الشركة عن هاتف جديد."] },
      ),
    );
    const words = engine.explain("Nadine Khoury شو اختصاصها؟").words;
    // «نادين» is indexed as «ناد» (its «ين» read as a plural): the name is found through the word as written.
    expect(words?.find((w) => w.asked === "nadine")).toMatchObject({ form: "ناد", inQuote: "form" });
    // «قراء» has Khoury's consonants and is nearer its length, but writes none of its vowels.
    expect(words?.find((w) => w.asked === "khoury")?.form).toBe("خور");
  });

  it("correct a slip that hid a word's ending from the stemmer («المفصولبن» → «المفصولين»)", () => {
    const engine = createEngine(
      shelf({ id: "a", paragraphs: ["ومن بين المفصولين 37 سيدة من قسم النسيج.", "وقالت الشركة إنها ستطعن على الحكم."] }, { id: "b", paragraphs: ["أعلنت الشركة عن هاتف جديد."] }),
    );
    const { answer, words } = engine.explain("كم عدد السيدات بين العمال المفصولبن؟");
    expect(words?.find((w) => w.asked === "المفصولبن")).toMatchObject({ form: "مفصول", inQuote: "form" });
    expect(answer.results[0]?.quote).toContain("37 سيدة");
  });

  it("find a first name too short to match by its sounds beside the surname the text holds", () => {
    const engine = createEngine(
      shelf({ id: "a", paragraphs: ["وقالت إيفا مولر إن الفريق سيعود.", "وأكد ليو ماركيز أن المباراة صعبة."] }, { id: "b", paragraphs: ["أعلنت الشركة عن هاتف جديد."] }),
    );
    expect(engine.explain("ماذا قالت Eva Muller؟").words?.find((w) => w.asked === "eva")).toMatchObject({ form: "ايفا", inQuote: "form" });
    expect(engine.explain("ماذا أكد Leo Marquez؟").words?.find((w) => w.asked === "leo")?.form).toBe("ليو");
    // Alone, «Eva» is one consonant: no name of the text.
    expect(engine.explain("ماذا قالت Eva؟").words?.find((w) => w.asked === "eva")?.form).toBeUndefined();
  });

  it("find a Latin spelling of a name the text writes in Arabic, and the reverse", () => {
    expect(first("ماذا قال Rui Almeida عن فريقه؟")?.documentId).toBe("football");
    expect(first("ماذا قال Rui Almeida عن فريقه؟")?.paragraph).toBe(1);
    expect(first("كيف سجل تياغو راموس الهدف؟")?.paragraph).toBe(2);
  });

  it("see stop words too: an English stop word with an Arabic form is searched as that form", () => {
    // «open» is an English stop word; the glossary makes it «مفتوح».
    const answer = engine.answer("هل النموذج open source؟");
    expect(answer.results[0]?.documentId).toBe("software");
    expect(answer.results[0]?.highlights.length).toBeGreaterThanOrEqual(2);
  });

  it("drop a function word typed with a slipped letter, and no real word", () => {
    // «عو» is «هو» with the key beside it: before, it weighed as a rare word the text lacks.
    const { words, answer } = engine.explain("من عو مدرب الشروق؟");
    expect(words?.map((w) => w.asked)).toEqual(["مدرب", "الشروق"]);
    expect(answer.answered).toBe(true);
    // «عمر» and «حكم» are words, not slips: they stay words the text lacks.
    expect(engine.explain("من حكم مباراة الشروق؟").words?.map((w) => w.asked)).toContain("حكم");
  });

  it("are worked out once per word: asked again, a word's look-up is remembered", () => {
    const engine = createEngine(shelf({ id: "a", paragraphs: ["وقال روي ألميدا مدرب الشروق إن فريقه لعب بتركيز عال."] }));
    const names = vi.spyOn(LOOKUPS.find((l) => l.name === "a name in the other script")!, "find");
    const first = engine.answer("ماذا قال Almeida؟");
    const calls = names.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    expect(engine.answer("ماذا قال Almeida؟")).toEqual(first);
    expect(engine.answer("هل Almeida مدرب؟").results[0]?.documentId).toBe("a");
    expect(names.mock.calls.length).toBe(calls);
    names.mockRestore();
  });

  it("drop Levantine «يلي» as a particle when the text lacks it", () => {
    const { words } = engine.explain("شو الهدف يلي سجله Thiago Ramos؟");
    expect(words?.map((w) => w.asked)).not.toContain("يلي");
  });

  it("drop a dialect particle instead of correcting it into a word", () => {
    // «ليش» means لماذا: nothing to search for, and not a typo of any word of the text.
    expect(engine.answer("ليش").results).toEqual([]);
  });

  it("correct a typo one letter off", () => {
    expect(first("اطلقت الشركه نمودجا مفتوح المصدر")?.documentId).toBe("software");
  });

  it("correct a slip in a last letter the stemmer took for a pronoun («صداه» → «صداع», not the stem «صدا»)", () => {
    const { words } = engine.explain("هل يعاني المستخدمون من صداه البرمجيات؟");
    expect(words?.find((w) => w.asked === "صداه")).toMatchObject({ form: "صداع", lookedUp: true, inQuote: "form" });
  });

  it("find a word under a proclitic before trying a typo («بوفاة» is ب + وفاة, not «بولا»)", () => {
    const { words } = engine.explain("ماذا قالت الاسرة بوفاة الكاتب؟");
    expect(words?.find((w) => w.asked === "بوفاه")).toMatchObject({ form: "وفا", lookedUp: true, inQuote: "form" });
  });

  it("read English words of everyday news as their Arabic forms («goal» → «هدف»)", () => {
    const explained = engine.explain("مين سجل الـ goal الثاني؟");
    expect(explained.words?.find((w) => w.asked === "goal")).toMatchObject({ form: "هدف", lookedUp: true });
    expect(explained.answer.results[0]).toMatchObject({ documentId: "football", paragraph: 2 });
  });

  it("read two words run together, with a missed space, as the rarer of them", () => {
    const explained = engine.explain("من يعاني من صداعالبرمجيات؟");
    expect(explained.words?.[1]).toMatchObject({ asked: "صداعالبرمجيات", form: "صداع", lookedUp: true });
    expect(explained.answer.results[0]).toMatchObject({ documentId: "software", paragraph: 2 });
    // Both halves must be words of the text: one known half is no missed space.
    expect(engine.explain("من يعاني من صداعالزمن؟").words?.[1]?.form).toBeUndefined();
  });

  it("read a function word run into the next word as that word («مايعاني» is «ما يعاني»)", () => {
    expect(engine.explain("مايعاني المستخدمون منه؟").words?.[0]).toMatchObject({ asked: "مايعاني", form: "يعان", lookedUp: true });
    expect(engine.explain("ماذا دفن فيمسقط رأسه؟").words?.find((w) => w.asked === "فيمسقط")?.form).toBe("مسقط");
  });

  it("never correct a number into another («2022» is not «2025»)", () => {
    const { words } = createEngine(shelf({ id: "a", paragraphs: ["صدر القانون في عام 2025."] })).explain("ماذا حدث في عام 2022؟");
    expect(words?.find((w) => w.asked === "2022")?.form).toBeUndefined();
  });

  it("take a real word the text lacks for a typo only where the correction fits the question", () => {
    const engine = createEngine(
      shelf(
        { id: "law", paragraphs: ["ويحظر القانون قيادة السكوترات في الأنفاق والطرق السريعة."] },
        { id: "company", paragraphs: ["وقعت الشركة شراكة مع مجموعة ومضة لتركيب الشواحن.", "أظهرت الدراسة أن المشي بعد الوجبات يخفض السكر في الدم."] },
      ),
    );
    // «الاتفاق» is a word of its own: «الأنفاق» (tunnels) shares no paragraph with «الشركة».
    expect(engine.explain("ما الاتفاق الذي وقعته الشركة؟").words?.find((w) => w.asked === "الاتفاق")?.form).toBeUndefined();
    // A real word that is a typo of the text's word («الدارسة», a student, for «الدراسة») is corrected where it fits.
    expect(engine.explain("ماذا أظهرت الدارسة عن المشي؟").words?.find((w) => w.asked === "الدارسه")?.form).toBe("دراس");
    // A word not in the list is corrected as before.
    expect(engine.explain("هل يخفص المشي السكر؟").words?.find((w) => w.asked === "يخفص")?.form).toBe("يخفض");
  });

  it("read a word the text lacks as a word of the same meaning, only where it meets another of the question's words", () => {
    const engine = createEngine(
      shelf(
        { id: "law", paragraphs: ["ويحظر القانون قيادة السكوترات على الأرصفة.", "وتبدأ الغرامة من 50 ديناراً."] },
        { id: "fair", paragraphs: ["وتقام الندوات في مواقع عدة من المدينة."] },
      ),
    );
    const explained = engine.explain("ما الأماكن التي يُمنع فيها ركوب السكوتر؟");
    expect(explained.words?.find((w) => w.asked === "يمنع")).toMatchObject({ form: "يحظر", lookedUp: true, inQuote: "form" });
    expect(explained.words?.find((w) => w.asked === "ركوب")).toMatchObject({ form: "قياد", lookedUp: true });
    expect(explained.answer.results[0]).toMatchObject({ documentId: "law", paragraph: 1 });
    // «مواقع» is in the knowledge, but in no paragraph with «السكوتر» or «يحظر»: «الأماكن» stays unmatched.
    expect(explained.words?.find((w) => w.asked === "الاماكن")?.form).toBeUndefined();
  });

  it("meet a word of the same meaning written with «و», which light stemming leaves on a short word", () => {
    const engine = createEngine(
      shelf(
        { id: "race", paragraphs: ["وتوّج العداء الكيني بلقب فئة الرجال في سباق المدينة.", "وشارك في السباق ألف عداء."] },
        { id: "fair", paragraphs: ["وتقام الندوات في مواقع عدة من المدينة."] },
      ),
    );
    const explained = engine.explain("من فاز بلقب الرجال؟");
    expect(explained.words?.find((w) => w.asked === "فاز")).toMatchObject({ form: "وتوج", lookedUp: true, inQuote: "form" });
    expect(explained.answer.results[0]).toMatchObject({ documentId: "race", paragraph: 1 });
  });

  it("read «طول» as length, not as Egyptian «على طول» (always)", () => {
    const engine = createEngine(
      shelf(
        { id: "port", paragraphs: ["وتشمل التوسعة إنشاء رصيف جديد بطول 1.6 كيلومتر.", "ويعمل الميناء دائماً على مدار الساعة."] },
        { id: "fair", paragraphs: ["وتقام الندوات في مواقع عدة من المدينة."] },
      ),
    );
    const explained = engine.explain("ما طول الرصيف الجديد؟");
    expect(explained.words?.find((w) => w.asked === "طول")).toMatchObject({ form: undefined, inQuote: "root" });
    expect(explained.answer.results[0]).toMatchObject({ documentId: "port", paragraph: 1 });
  });

  it("do not correct a word into one a slip of the finger cannot make", () => {
    // ص and ل are neither neighbours on the keyboard nor alike in sound: «عاصمة» is no typo of «عالم».
    const { words } = createEngine(shelf({ id: "a", paragraphs: ["هذا أكبر عالم في التاريخ."] })).explain("ما هي عاصمة فرنسا؟");
    expect(words?.find((w) => w.asked === "عاصمه")?.form).toBeUndefined();
  });
});
