import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.ts";
import { confidence, type DecisionInputs } from "../../src/engine/decision.ts";
import { DEFAULTS } from "../../src/engine/options.ts";
import { examShelf, shelf } from "./fixtures.ts";

const inputs = (over: Partial<DecisionInputs>): DecisionInputs => ({
  quoteCoverage: 0.8,
  titleCoverage: 0,
  holdsAskedType: undefined,
  kind: undefined,
  focusInQuote: undefined,
  numberBesideFocus: undefined,
  definesSubject: false,
  wordsHeld: 2,
  words: 2,
  runnerUp: 0.5,
  namesNothing: false,
  namesUnknown: false,
  restatesTitle: false,
  otherRank: false,
  ...over,
});

describe("the answer/abstain decision", () => {
  it("is the share of the question the quote holds", () => {
    expect(confidence(inputs({ quoteCoverage: 0.6 }), DEFAULTS)).toBeCloseTo(0.6);
  });

  it("cuts it when a how-many/when question gets a quote with no number or time", () => {
    expect(confidence(inputs({ holdsAskedType: false }), DEFAULTS)).toBeCloseTo(0.8 * DEFAULTS.missingTypePenalty);
    expect(confidence(inputs({ holdsAskedType: true }), DEFAULTS)).toBeCloseTo(0.8);
  });

  it("halves it when a how-many question's quote does not name what is counted", () => {
    expect(confidence(inputs({ kind: "how many", focusInQuote: false }), DEFAULTS)).toBeCloseTo(0.8 * DEFAULTS.answerTypePenalty);
    expect(confidence(inputs({ kind: "how many", focusInQuote: true }), DEFAULTS)).toBeCloseTo(0.8);
    expect(confidence(inputs({ kind: "what", focusInQuote: false }), DEFAULTS)).toBeCloseTo(0.8);
  });

  it("halves it when a how-many question's number stands far from what is counted: it counts something else", () => {
    expect(confidence(inputs({ kind: "how many", numberBesideFocus: false }), DEFAULTS)).toBeCloseTo(0.8 * DEFAULTS.answerTypePenalty);
    expect(confidence(inputs({ kind: "how many", numberBesideFocus: true }), DEFAULTS)).toBeCloseTo(0.8);
    const farms = (sentence: string) => createEngine(shelf({ id: "festival", paragraphs: [sentence] })).explain("كم عدد المزارع في المهرجان؟").inputs!;
    expect(farms("تشارك في المهرجان 240 من المزارع هذا العام.").numberBesideFocus).toBe(true);
    expect(farms("تعرض المزارع في المهرجان تمورا فاخرة وأصنافا نادرة، فيما تفتتح اللجنة سوقا إلكترونية في 2027.").numberBesideFocus).toBe(false);
    // No number at all is the answer-type check's to judge, not this one's.
    expect(farms("تعرض المزارع في المهرجان تمورا فاخرة.")).toMatchObject({ holdsAskedType: false, numberBesideFocus: undefined });
    // A share or a year beside what is counted counts nothing, unless a share is asked.
    expect(farms("وزادت المزارع في المهرجان بنسبة 17 بالمئة.").numberBesideFocus).toBe(false);
    expect(farms("وشاركت المزارع في المهرجان عام 2024.").numberBesideFocus).toBe(false);
    const share = createEngine(shelf({ id: "festival", paragraphs: ["وزادت المزارع في المهرجان بنسبة 17 بالمئة."] })).explain("كم نسبة زيادة المزارع في المهرجان؟").inputs!;
    expect(share.numberBesideFocus).not.toBe(false);
  });

  it("refuses a question that names nothing: a lone verb on a shelf of several articles, unless it follows up on one", () => {
    expect(confidence(inputs({ namesNothing: true }), DEFAULTS)).toBe(0);
    const engine = createEngine(
      shelf(
        { id: "genghis", title: "جنكيز خان", paragraphs: ["توفي جنكيز خان سنة 1227 بعد أن وحد قبائل المغول."] },
        { id: "mukhtar", title: "عمر المختار", paragraphs: ["عمر المختار قائد ليبي، توفي عام 1931."] },
      ),
    );
    // Whose death? Either quote would be a guess.
    expect(engine.answer("متى توفي؟").answered).toBe(false);
    expect(engine.explain("متى توفي؟").inputs?.namesNothing).toBe(true);
    // Named, or asked as a follow-up about one article, it is answered.
    expect(engine.answer("متى توفي عمر المختار؟").results[0]?.documentId).toBe("mukhtar");
    expect(engine.answer("متى توفي؟", { within: "mukhtar" })).toMatchObject({ answered: true, results: [{ documentId: "mukhtar" }] });
    // A noun with the article names something, and on a shelf of one article the question is about it.
    expect(engine.explain("من القائد؟").inputs?.namesNothing).toBe(false);
    expect(createEngine(shelf({ id: "mukhtar", paragraphs: ["عمر المختار قائد ليبي، توفي عام 1931."] })).answer("متى توفي؟").answered).toBe(true);
  });

  it("halves it when every Latin-script name in the question is one the shelf never writes", () => {
    expect(confidence(inputs({ namesUnknown: true }), DEFAULTS)).toBeCloseTo(0.8 * DEFAULTS.unknownNamePenalty);
    const engine = createEngine(
      shelf({
        id: "launch",
        title: "شركة Nexora تطلق سيارة كهربائية",
        paragraphs: ["وقال الرئيس التنفيذي لشركة Nexora، لين هاوران، إن السوق تنمو بسرعة.", "ويبلغ سعر السيارة 150 ألف درهم."],
      }),
    );
    const asked = (question: string) => engine.explain(question).inputs!;
    // Another company's chief: the question's only name is one the articles lack.
    expect(asked("من هو الرئيس التنفيذي لشركة Tesla؟").namesUnknown).toBe(true);
    expect(engine.answer("من هو الرئيس التنفيذي لشركة Tesla؟").answered).toBe(false);
    // The shelf's own name, misspelt or not, and a question with no Latin word at all.
    expect(asked("من هو الرئيس التنفيذي لشركة Nexora؟").namesUnknown).toBe(false);
    expect(asked("من هو الرئيس التنفيذي لشركة Nexorra؟").namesUnknown).toBe(false);
    expect(engine.answer("من هو الرئيس التنفيذي لشركة Nexora؟").answered).toBe(true);
    expect(asked("من هو الرئيس التنفيذي للشركة؟").namesUnknown).toBe(false);
    // An English word the text writes in Arabic, in another form («price» → «سعر» of «بسعر»): no unknown name.
    const cars = createEngine(shelf({ id: "launch", paragraphs: ["وتطرح الشركة السيارة بسعر 150 ألف درهم."] }, { id: "fair", paragraphs: ["وتقام الندوات في المدينة."] }));
    expect(cars.explain("كم price السيارة؟").inputs!.namesUnknown).toBe(false);
  });

  it("takes a short question naming a country the shelf never writes for one about something it does not cover", () => {
    const engine = createEngine(
      shelf(
        { id: "hospital", title: "مستشفى النور يفتتح وحدة للقلب", paragraphs: ["افتتح مستشفى النور وحدة للقلب، في خطوة تخفف الضغط على مستشفيات العاصمة.", "وقال مدير المستشفى إن الوحدة تضم عشرين سريرا."] },
        { id: "jordan", title: "أمطار في الأردن", paragraphs: ["هطلت أمطار غزيرة على الأردن يوم الأحد."] },
      ),
    );
    const asked = (question: string) => engine.explain(question).inputs!;
    expect(asked("ما عاصمة أستراليا؟").namesUnknown).toBe(true);
    expect(engine.answer("ما عاصمة أستراليا؟").answered).toBe(false);
    // A country the shelf writes, with a proclitic; and one named as context of a longer question.
    expect(asked("ما عاصمة الأردن؟").namesUnknown).toBe(false);
    expect(asked("كم سريرا تضم وحدة القلب في مستشفى النور بمصر؟").namesUnknown).toBe(false);
  });

  it("halves it when the quote names another rank of what the question ranks («النسخة السادسة» for «الخامسة»)", () => {
    expect(confidence(inputs({ otherRank: true }), DEFAULTS)).toBeCloseTo(0.8 * DEFAULTS.answerTypePenalty);
    const race = createEngine(
      shelf(
        { id: "race", title: "ماراثون الرمال", paragraphs: ["اختتمت النسخة السادسة من ماراثون الرمال بمشاركة 312 عداء.", "وفاز العداء رشيد بوزيان باللقب."] },
        { id: "fair", title: "معرض الكتاب", paragraphs: ["افتتحت الدورة الخامسة من معرض الكتاب يوم الأحد."] },
      ),
    );
    expect(race.explain("من فاز بالنسخة الخامسة من ماراثون الرمال؟").inputs!.otherRank).toBe(true);
    expect(race.explain("من فاز بالنسخة السادسة من ماراثون الرمال؟").inputs!.otherRank).toBe(false);
    expect(race.explain("من فاز بماراثون الرمال؟").inputs!.otherRank).toBe(false);
  });

  it("halves it when the quote holds only one word of a question of three or more", () => {
    expect(confidence(inputs({ wordsHeld: 1, words: 3 }), DEFAULTS)).toBeCloseTo(0.8 * DEFAULTS.answerTypePenalty);
    expect(confidence(inputs({ wordsHeld: 1, words: 2 }), DEFAULTS)).toBeCloseTo(0.8);
    expect(confidence(inputs({ wordsHeld: 2, words: 4 }), DEFAULTS)).toBeCloseTo(0.8);
  });

  it("halves it when another paragraph matches the question about as well as the quote's", () => {
    expect(confidence(inputs({ runnerUp: DEFAULTS.runnerUpTie }), DEFAULTS)).toBeCloseTo(0.8 * DEFAULTS.runnerUpPenalty);
    expect(confidence(inputs({ runnerUp: DEFAULTS.runnerUpTie - 0.01 }), DEFAULTS)).toBeCloseTo(0.8);
  });

  it("compares a paragraph ranking put below the quote as ranking did, when the quote holds the focus", () => {
    const engine = createEngine(examShelf());
    const { answer, inputs } = engine.explain("كم بلغت نسبة النجاح في امتحان القبول الجامعي الموحد؟");
    const [quote, opening] = [answer.results[0]!, answer.results.find((r) => r.paragraph === 1)!];
    expect(quote.paragraph).toBe(2);
    // BM25 put the opening, which restates the title, above the quote; as a rival place it
    // counts without the title's words, and the answer stands.
    expect(opening.score).toBeGreaterThan(quote.score);
    expect(inputs!.runnerUp).toBeLessThan(DEFAULTS.runnerUpTie);
    expect(answer.answered).toBe(true);
  });

  it("halves it when the quote is an opening that only restates the title, and the question asks for more", () => {
    expect(confidence(inputs({ restatesTitle: true }), DEFAULTS)).toBeCloseTo(0.8 * DEFAULTS.restatesTitlePenalty);
    // Not when it holds the number or time asked for: a lede gives the headline's figures.
    expect(confidence(inputs({ restatesTitle: true, holdsAskedType: true }), DEFAULTS)).toBeCloseTo(0.8);
    const engine = createEngine(examShelf());
    // The minister is in no article; the opening holds the exam's name, which the title holds too.
    const minister = engine.explain("من هو وزير التعليم الذي حضر امتحان القبول الجامعي الموحد؟");
    expect(minister.inputs).toMatchObject({ restatesTitle: true });
    expect(minister.answer.answered).toBe(false);
    expect(createEngine(examShelf(), { restatesTitlePenalty: 1 }).answer("من هو وزير التعليم الذي حضر امتحان القبول الجامعي الموحد؟").answered).toBe(true);
    // A definition of the subject is what an opening is for.
    expect(engine.explain("ما هو امتحان القبول الجامعي الموحد؟")).toMatchObject({ inputs: { restatesTitle: false }, answer: { answered: true } });
  });

  it("reads «ما جنسية X؟», «ما مهنة X؟» of an article titled X as about its subject, which its opening says", () => {
    const singers = shelf(
      { id: "sherine", title: "شيرين عبد الوهاب", paragraphs: ["شيرين عبد الوهاب مغنية مصرية ولدت في القاهرة.", "بدأت الغناء في الأفراح، ثم أصدرت ألبومها الأول مع المنتج نصر محروس."] },
      { id: "amr", title: "عمرو دياب", paragraphs: ["عمرو دياب مغني وملحن مصري من بورسعيد.", "أصدر عمرو دياب عشرات الألبومات."] },
    );
    const engine = createEngine(singers);
    for (const question of ["ما جنسية شيرين عبد الوهاب؟", "ما مهنة شيرين عبد الوهاب؟"]) {
      const { answer, inputs } = engine.explain(question);
      expect(inputs?.definesSubject, question).toBe(true);
      expect(answer.answered, question).toBe(true);
      expect(answer.results[0]!.quote, question).toContain("مغنية مصرية");
    }
  });

  it("weighs «اسم»/«نوع» after the question word at half when the quote lacks it: it says a name is asked", () => {
    const football = shelf(
      { id: "match", paragraphs: ["قاد المدرب البرتغالي روي ألميدا فريق الشروق إلى النهائي.", "وسجل المهاجم هدفين في الشوط الثاني."] },
      { id: "law", paragraphs: ["أقر المجلس قانون السير الجديد.", "ويبدأ العمل بالقانون الشهر المقبل."] },
    );
    const weightOf = (question: string, word: string, overrides = {}) => createEngine(football, overrides).explain(question).words?.find((w) => w.asked === word)?.weight;
    const half = weightOf("ما اسم مدرب الشروق؟", "اسم")!;
    expect(half).toBeCloseTo(weightOf("ما اسم مدرب الشروق؟", "اسم", { askingNounWeight: 1 })! / 2, 2);
    // Elsewhere in the question the name is its topic, and weighs in full.
    expect(weightOf("الشروق غير اسم مدربه متى؟", "اسم")).toBeCloseTo(weightOf("الشروق غير اسم مدربه متى؟", "اسم", { askingNounWeight: 1 })!, 5);
  });

  it("takes an opening for the subject's definition only when it names the subject", () => {
    const opening = (first: string) =>
      createEngine(shelf({ id: "nancy", title: "نانسي عجرم", paragraphs: [first, "أصدرت ألبومها الأول عام 1998 وغنت في مهرجانات عربية كثيرة."] })).explain("من هي نانسي عجرم؟").inputs?.definesSubject;
    expect(opening("نانسي عجرم مغنية لبنانية.")).toBe(true);
    // What an article has for an opening once its own is gone (ARCD's near-topic questions).
    expect(opening("في الحادية عشرة من عمرها شاركت في برنامج للمواهب.")).toBe(false);
  });

  it("takes the title's share for a definition of the article's subject answered by its opening", () => {
    expect(confidence(inputs({ quoteCoverage: 0.1, titleCoverage: 0.7, definesSubject: true }), DEFAULTS)).toBeCloseTo(0.7);
    expect(confidence(inputs({ quoteCoverage: 0.1, titleCoverage: 0.7 }), DEFAULTS)).toBeCloseTo(0.1);
  });

  it("takes for a how-many question's focus what is counted, not «عدد» or the verbs «يبلغ», «زاد»", () => {
    const engine = createEngine(shelf({ id: "metro", paragraphs: ["يبلغ عدد القطارات 22 قطارا، ويبلغ سعر التذكرة أربعة ريالات."] }));
    const focus = (question: string) => engine.explain(question).words?.find((w) => w.focus)?.asked;
    expect(focus("كم يبلغ راتب السائق؟")).toBe("راتب");
    expect(focus("كم تبلغ عدد القطارات؟")).toBe("القطارات");
    expect(focus("كم سعر التذكرة؟")).toBe("سعر");
    // A verb of change says an amount is asked; what changed is the focus.
    expect(focus("كم زاد سعر التذكرة؟")).toBe("سعر");
    expect(focus("بكم انخفض عدد القطارات؟")).toBe("القطارات");
    // The question word last, as the spoken dialects put it: the word before it.
    expect(focus("التذكرة بكام؟")).toBe("التذكره");
    expect(focus("وسعر التذكرة كام؟")).toBe("التذكره");
  });

  it("reads a biography's bracketed dates as when its subject was born and died, from its opening only", () => {
    const life = shelf(
      { id: "mukhtar", title: "عمر المختار", paragraphs: ["عمر المختار (20 أغسطس 1858 - 16 سبتمبر 1931) قائد ليبي.", "قاد المقاومة في برقة (1911 - 1931) ضد الاحتلال."] },
      { id: "asad", title: "بشار الأسد", paragraphs: ["بشار الأسد (مواليد 11 سبتمبر 1965) رئيس سوري.", "درس طب العيون في دمشق."] },
    );
    const engine = createEngine(life);
    const born = engine.answer("متى ولد عمر المختار؟");
    expect(born.answered).toBe(true);
    expect(born.results[0]).toMatchObject({ documentId: "mukhtar", paragraph: 1 });
    const weightOf = (e: typeof engine, question: string, word: string) => e.explain(question).words?.find((w) => w.asked === word)?.weight;
    // The dates answer the word: it counts neither for the quote nor against it.
    expect(weightOf(engine, "متى ولد عمر المختار؟", "ولد")).toBe(0);
    expect(weightOf(engine, "متى توفي عمر المختار؟", "توفي")).toBe(0);
    expect(engine.answer("متى توفي عمر المختار؟").confidence).toBeCloseTo(1);
    // One date is a birth: it does not say when he died.
    expect(weightOf(engine, "متى توفي بشار الأسد؟", "توفي")).toBeGreaterThan(0);
    // Brackets later in the article date something else.
    const later = createEngine(shelf({ id: "mukhtar", title: "عمر المختار", paragraphs: ["عمر المختار قائد ليبي.", "قاد المقاومة في برقة (1911 - 1931) ضد الاحتلال."] }, life.documents[1]!));
    expect(weightOf(later, "متى ولد عمر المختار؟", "ولد")).toBeGreaterThan(0);
  });

  it("counts the words that only ask for an amount neither for nor against a quote whose number stands beside what is counted", () => {
    const egypt = createEngine(
      shelf(
        { id: "egypt", title: "مصر", paragraphs: ["تنقسم مصر إداريا إلى 27 محافظة.", "يعيش معظم سكان مصر قرب نهر النيل."] },
        { id: "nile", title: "نهر النيل", paragraphs: ["يمر النيل بعدة دول في أفريقيا."] },
      ),
    );
    const weightOf = (question: string, word: string) => egypt.explain(question).words?.find((w) => w.asked === word)?.weight;
    expect(weightOf("كم يبلغ عدد محافظات مصر؟", "يبلغ")).toBe(0);
    const answer = egypt.answer("كم يبلغ عدد محافظات مصر؟");
    expect(answer.answered).toBe(true);
    expect(answer.results[0]).toMatchObject({ documentId: "egypt", paragraph: 1 });
    // No number beside what is counted: the words weigh as before.
    expect(weightOf("كم يبلغ عدد سكان مصر؟", "يبلغ")).toBeGreaterThan(0);
  });

  it("counts a measure's noun as answered by a number in its unit, but not a side («عمق») by a length", () => {
    const park = createEngine(
      shelf(
        { id: "park", title: "الحديقة الكبرى", paragraphs: ["افتتحت البلدية الحديقة الكبرى، وتمتد الحديقة على 40 هكتارا قرب النهر.", "وتضم الحديقة بحيرة يمتد شاطئها 1.2 كيلومتر."] },
        { id: "bridge", title: "جسر المدينة", paragraphs: ["افتتحت الحكومة جسر المدينة فوق الخليج."] },
      ),
    );
    const focus = (question: string) => park.explain(question).words?.find((w) => w.focus);
    expect(focus("كم مساحة الحديقة الكبرى؟")?.weight).toBe(0);
    expect(park.explain("كم مساحة الحديقة الكبرى؟").inputs!.focusInQuote).toBe(true);
    // A shore 1.2 km long says nothing of how deep the lake is.
    expect(focus("كم عمق البحيرة؟")?.weight).toBeGreaterThan(0);
    expect(park.explain("كم عمق البحيرة؟").inputs!.focusInQuote).toBe(false);
  });

  it("takes any number for a measure beside the noun that asks it, and only a number in its unit without it", () => {
    const race = createEngine(
      shelf(
        { id: "race", title: "ماراثون المدينة", paragraphs: ["فاز العداء سامي بالماراثون بزمن ساعتين و6 دقائق.", "وبلغ طول المسار 42 كيلومترا."] },
        { id: "bridge", title: "جسر المدينة", paragraphs: ["افتتحت الحكومة جسر المدينة فوق الخليج."] },
      ),
    );
    // His time is no age: the quote holds a number, but neither «عمر» nor a number of years.
    expect(race.explain("كم عمر العداء سامي؟").inputs!.holdsAskedType).toBe(false);
    expect(race.explain("كم زمن العداء سامي؟").inputs!.holdsAskedType).toBe(true);
    expect(race.explain("كم طول مسار الماراثون؟").inputs!.holdsAskedType).toBe(true);
  });

  // A phone article and a match report: the referee and the price of gold are near their topics.
  const engine = createEngine(
    shelf(
      {
        id: "phone",
        title: "هاتف جديد",
        paragraphs: ["أطلقت الشركة هاتفها الجديد بسعر 899 دولارا.", "تبلغ سعة بطارية الهاتف 5410 مللي أمبير.", "يصل الهاتف إلى المتاجر في مارس."],
      },
      {
        id: "match",
        title: "مباراة الكأس",
        paragraphs: ["فاز الشروق على الساحل بثلاثة أهداف مقابل هدف.", "سجل العتيبي الهدف الثالث في الدقيقة 87.", "حضر المباراة 41 ألف متفرج."],
      },
    ),
  );

  it.each(["كم سعر الهاتف الجديد؟", "كم سعة بطارية الهاتف؟", "من سجل الهدف الثالث؟"])("answers %s", (question) => {
    expect(engine.answer(question).answered).toBe(true);
  });

  it.each(["كم سعر الذهب اليوم؟", "ما هي عاصمة أستراليا؟", "كم وزن الهاتف؟"])("abstains on %s", (question) => {
    expect(engine.answer(question).answered).toBe(false);
  });

  it("shows its inputs", () => {
    const { answer, inputs } = engine.explain("كم سعر الهاتف الجديد؟");
    expect(inputs!.holdsAskedType).toBe(true);
    expect(answer.confidence).toBeCloseTo(confidence(inputs!, DEFAULTS), 3);
  });
});

describe("a name or a number the knowledge lacks", () => {
  it("weighs twice its rarity: the question is about something else", () => {
    const engine = createEngine(shelf({ id: "cup", paragraphs: ["فاز الشروق بكأس البطولة بعد فوزه على الساحل.", "وأقيمت المباراة في عمان."] }));
    const words = engine.explain("من فاز بكأس العالم 2022؟").words!;
    const year = words.find((w) => w.asked === "2022")!;
    const cup = words.find((w) => w.asked === "بكاس")!;
    expect(year.form).toBeUndefined();
    expect(year.weight).toBeGreaterThan(1.5 * cup.weight);
    expect(engine.answer("من فاز بكأس العالم 2022؟").answered).toBe(false);
  });
});

describe("runnerUp: the best other paragraph's score as a share of the quote's", () => {
  const question = "ما الجائزة التي حصل عليها الفريق؟";
  const spread = shelf({
    id: "report",
    paragraphs: ["حصل الفريق على دعم جماهيري كبير في المباراة.", "وتحدث المدرب عن الجائزة والفريق في المؤتمر الصحفي.", "فاز الفريق بالمباراة."],
  });
  const answered = shelf({
    id: "report",
    paragraphs: ["حصل الفريق على جائزة مالية قدرها مليون ريال.", "وتحدث المدرب في المؤتمر الصحفي.", "فاز الفريق بالمباراة."],
  });

  it("is near 1 when the question's words are spread over paragraphs, and low when one paragraph holds them", () => {
    expect(createEngine(spread).explain(question).inputs!.runnerUp).toBeGreaterThanOrEqual(DEFAULTS.runnerUpTie);
    expect(createEngine(answered).explain(question).inputs!.runnerUp).toBeLessThan(DEFAULTS.runnerUpTie);
  });

  it("does not count a near-copy of the quoted paragraph: two copies of an answer are one place", () => {
    const copy = "حصل الفريق على جائزة مالية قدرها مليون ريال.";
    const copied = shelf(
      { id: "report", paragraphs: [copy, "وتحدث المدرب في المؤتمر الصحفي."] },
      { id: "other-site", paragraphs: [copy.replace("مالية", "نقدية"), "فاز الفريق بالمباراة."] },
    );
    const { answer, inputs } = createEngine(copied).explain(question);
    expect(inputs!.runnerUp).toBeLessThan(DEFAULTS.runnerUpTie);
    expect(answer.answered).toBe(true);
    // Without the near-copy check the copy would count as a rival.
    expect(createEngine(copied, { duplicateShare: 2 }).explain(question).inputs!.runnerUp).toBeGreaterThanOrEqual(DEFAULTS.runnerUpTie);
  });
});

describe("a question word with a preposition", () => {
  it("is held by a quote that has the word without it, even when the shelf knows the joined form", () => {
    const engine = createEngine(
      shelf(
        { id: "league", paragraphs: ["فاز النادي ببطولة الدوري الممتاز هذا الموسم."] },
        { id: "other", paragraphs: ["خصص المجلس ميزانية لدوري الأحياء الشعبية."] },
      ),
    );
    const { words } = engine.explain("متى فاز النادي ببطولة لدوري الممتاز؟", { within: "league" });
    expect(words?.find((w) => w.asked === "لدوري")).toMatchObject({ form: "لدور", inQuote: "root" });
  });
});

