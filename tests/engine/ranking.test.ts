import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.ts";
import type { Query } from "../../src/engine/query.ts";
import { adjacentPairs } from "../../src/engine/ranking.ts";
import { examShelf, shelf } from "./fixtures.ts";

describe("ranking", () => {
  it("answers a definition question about an article's subject with its opening sentence", () => {
    const engine = createEngine(
      shelf(
        {
          id: "bitcoin",
          title: "بيتكوين",
          paragraphs: [
            "بيتكوين عملة معماة ونظام دفع عالمي.",
            "يتم إنشاء البيتكوين كمكافأة لعملية التعدين، ويقبل التجار البيتكوين في الدفع، وتتقلب قيمة البيتكوين كثيرا.",
          ],
        },
        { id: "gold", title: "الذهب", paragraphs: ["الذهب معدن نفيس يستعمل في الحلي."] },
      ),
    );
    const answer = engine.answer("ما هي البيتكوين؟");
    expect(answer.results[0]).toMatchObject({ documentId: "bitcoin", paragraph: 1, sentence: 1 });
    expect(answer.answered).toBe(true);
  });

  it("takes the opening of the article titled by the subject alone, over one whose title names more", () => {
    const engine = createEngine(
      shelf(
        {
          id: "bashar",
          title: "بشار الأسد",
          paragraphs: ["بشار الأسد رئيس سوري سابق.", "خلف الأسد والده حافظ الأسد، وحكم الأسد البلاد بعد وفاة الأسد الأب."],
        },
        { id: "lion", title: "أسد", paragraphs: ["الأسد حيوان من الثدييات من فصيلة السنوريات.", "يعيش الأسد في السافانا الأفريقية."] },
      ),
    );
    expect(engine.answer("ما هو الاسد؟").results[0]).toMatchObject({ documentId: "lion", paragraph: 1, sentence: 1 });
  });

  it("prefers the opening only when every other word asks for a definition, not for something about the subject", () => {
    const knowledge = shelf({
      id: "syria",
      title: "سوريا",
      paragraphs: ["سوريا دولة عربية في غرب آسيا، عاصمتها دمشق.", "تبلغ مساحة سوريا نحو 185 ألف كيلومتر مربع، ويحدها لبنان من الغرب."],
    });
    const engine = createEngine(knowledge);
    expect(engine.answer("ما تعريف سوريا؟").results[0]!.paragraph).toBe(1);
    expect(engine.answer("ما معنى سوريا؟").results[0]!.paragraph).toBe(1);
    expect(engine.answer("ما مساحة سوريا؟").results[0]!.paragraph).toBe(2);
  });

  it("prefers the opening for what the subject is called: its full name, other name, name in another language", () => {
    const engine = createEngine(
      shelf({
        id: "monalisa",
        title: "موناليزا",
        paragraphs: [
          "الموناليزا (بالفرنسية: La Joconde) أو الجيوكاندا لوحة للفنان ليوناردو دا فينشي.",
          "يعود أصل تسمية الموناليزا بهذا الاسم إلى مؤرخ الفن فاساري، واسم اللوحة بالفرنسية والإيطالية يختلف في المتاحف.",
        ],
      }),
    );
    expect(engine.answer("ما اسم الموناليزا بالفرنسية؟").results[0]).toMatchObject({ paragraph: 1, sentence: 1 });
    expect(engine.answer("ما الاسم الآخر للموناليزا؟").results[0]).toMatchObject({ paragraph: 1, sentence: 1 });
  });

  it("reads an honorific before a name as part of the subject («العلامة ابن خلدون»)", () => {
    const engine = createEngine(
      shelf({
        id: "ibn-khaldun",
        title: "ابن خلدون",
        paragraphs: ["ابن خلدون هو عبد الرحمن بن محمد، مؤرخ وعالم اجتماع عربي.", "ألّف العلامة ابن خلدون المقدمة، وعمل ابن خلدون في القضاء بمصر."],
      }),
    );
    expect(engine.answer("من هو العلامة ابن خلدون؟").results[0]).toMatchObject({ paragraph: 1, sentence: 1 });
  });

  it("puts first the near-tied sentence holding the number a how-many question asks for", () => {
    const engine = createEngine(
      shelf({
        id: "phone",
        paragraphs: ["تأتي بطارية الهاتف الجديد أكبر من بطارية الجيل السابق. وتبلغ سعة بطارية الهاتف 5410 مللي أمبير."],
      }),
    );
    expect(engine.answer("كم سعة بطارية الهاتف؟").results[0]!.quote).toContain("5410");
  });

  it("puts first a sentence of another paragraph holding the asked-for number, when its score is close", () => {
    const knowledge = shelf({
      id: "phone",
      paragraphs: [
        "زادت سعة بطارية الهاتف الجديد مقارنة بالجيل السابق كما تقول الشركة.",
        "وتبلغ سعة بطارية الهاتف 5410 مللي أمبير في الطراز الأكبر من السلسلة الجديدة.",
        "وصل الهاتف إلى المتاجر في مارس.",
        "ويأتي الهاتف بثلاثة ألوان.",
      ],
    });
    expect(createEngine(knowledge).answer("كم سعة بطارية الهاتف؟").results[0]).toMatchObject({ paragraph: 2 });
    // Without the move, BM25's first sentence says nothing of the size.
    expect(createEngine(knowledge, { answerTypeOtherParagraphTie: 2 }).answer("كم سعة بطارية الهاتف؟").results[0]).toMatchObject({ paragraph: 1 });
  });

  it("ranks an article's sentences by the question's words beyond its title: the asked-for part, not the opening that restates the title", () => {
    const knowledge = examShelf();
    const question = "ما نسبة النجاح العامة في امتحان القبول الجامعي الموحد؟";
    // BM25 alone: the opening holds four of the question's words, the title's, against three.
    expect(createEngine(knowledge, { subjectWordsWeight: 1 }).answer(question).results[0]).toMatchObject({ documentId: "exam", paragraph: 1 });
    expect(createEngine(knowledge).answer(question).results[0]).toMatchObject({ documentId: "exam", paragraph: 2 });
    // A question that names only the subject keeps the opening.
    expect(createEngine(knowledge).answer("ما هو امتحان القبول الجامعي الموحد؟").results[0]).toMatchObject({ documentId: "exam", paragraph: 1 });
  });

  it("puts first the near-tied sentence of the same paragraph that holds the question's focus", () => {
    const knowledge = shelf(
      {
        id: "saud",
        title: "الملك سعود",
        paragraphs: [
          "الملك سعود بن عبد العزيز آل سعود ثاني ملوك المملكة العربية السعودية، وهو الابن الثاني من أبناء الملك عبد العزيز آل سعود الذكور، ولد في الكويت. وتولى الحكم بعد وفاة أبيه سنة 1953 وبقي فيه إحدى عشرة سنة حتى تنازل عنه لأخيه. وكانت مرضعة كويتية تسمى هميان الحاي تزور الأسرة.",
          "وسافر إلى الكويت في صباه.",
        ],
      },
      { id: "kuwait", title: "الكويت", paragraphs: ["الكويت دولة عربية على الخليج.", "عاصمة الكويت مدينة الكويت."] },
    );
    const question = "من هي مرضعة الملك سعود؟";
    // The opening says the name twice and so outscores the sentence with «مرضعة»: the paragraph
    // and title fields, which both share, make up most of either score.
    expect(createEngine(knowledge, { focusNearTie: 2 }).answer(question).results[0]!.quote).not.toContain("مرضعة");
    expect(createEngine(knowledge, { focusNearTie: 0.85 }).answer(question).results[0]!.quote).toContain("مرضعة");
  });

  it("puts first, for a who-question asking for a role, the paragraph of the article that names the role", () => {
    const knowledge = shelf(
      {
        id: "hospital",
        title: "مستشفى النور في الزرقاء يفتتح وحدة للقلب",
        paragraphs: [
          "افتتح مستشفى النور التخصصي في الزرقاء وحدة جديدة لجراحة القلب بكلفة 9 ملايين دينار.",
          "وتضم الوحدة غرفتين للعمليات وعشرين سريرا.",
          "وقال مدير المستشفى الدكتور سامي الحايك إن الوحدة ستجري 800 عملية سنويا.",
        ],
      },
      { id: "school", title: "مدرسة جديدة في الكرك", paragraphs: ["افتتحت الوزارة مدرسة جديدة في الكرك.", "وقال مدير المدرسة إن الطلاب سيبدأون الدراسة في أيلول."] },
    );
    const first = (question: string, options = {}) => createEngine(knowledge, options).answer(question).results[0]!.quote;
    // The opening restates the hospital's whole name and outscores the sentence with «مدير».
    expect(first("من هو مدير مستشفى النور التخصصي؟", { focusOtherParagraphTie: 2 })).toContain("افتتح");
    expect(first("من هو مدير مستشفى النور التخصصي؟")).toContain("سامي الحايك");
  });

  it("puts first, among near-tied sentences, the one keeping the question's word pairs together", () => {
    const knowledge = shelf({
      id: "ottoman",
      paragraphs: [
        "كان السلطان شاعرا، وقد بلغت ديون أبيه حدا كبيرا في عهد مضطرب، وكانت الدولة تبني مدارس للعلوم الإسلامية.",
        "وبعد سنوات من الحروب، بلغت الدولة الإسلامية في عهده أقصى اتساع لها حتى صارت أقوى دولة في العالم.",
        "توفي السلطان في قصره.",
      ],
    });
    const question = "ماذا بلغت الدولة الإسلامية في عهد السلطان؟";
    // BM25 alone prefers the shorter sentence that holds every word, scattered.
    expect(createEngine(knowledge, { proximityWeight: 0 }).rankParagraphs(question, 2).map((p) => p.paragraph)).toEqual([1, 2]);
    expect(createEngine(knowledge).answer(question).results[0]!.paragraph).toBe(2);
  });
});

describe("adjacentPairs", () => {
  it("is the idf-weighed share of the question held in neighbouring word pairs found at most one word apart", () => {
    const word = (formId: number) => ({ formId, rootId: undefined }) as unknown as Query["words"][number];
    const query = { words: [word(1), word(2), word(3)] } as unknown as Query;
    const noRoot = () => -1;
    expect(adjacentPairs(query, [1, 2, 9, 3], noRoot, [1, 1, 1])).toBeCloseTo(2 / 3);
    expect(adjacentPairs(query, [1, 9, 9, 2, 3], noRoot, [1, 1, 1])).toBeCloseTo(1 / 3);
    // A pair weighs as its commoner word: two topic words side by side say little.
    expect(adjacentPairs(query, [1, 2, 9, 9, 9, 3], noRoot, [0.2, 0.2, 1])).toBeCloseTo(0.2 / 1.4);
    expect(adjacentPairs(query, [3, 9, 9, 1], noRoot, [1, 1, 1])).toBe(0);
  });
});


describe("a how-many question's counted number", () => {
  const knowledge = shelf(
    { id: "player", title: "اللاعب سالم", paragraphs: ["سجل اللاعب سالم أول هدف له في الدوري عام 2010 مع فريق المدينة. وانتقل بعدها إلى نادي الساحل حيث قضى خمسة مواسم. وسجل سالم في الدوري حتى اليوم 35 هدفا."] },
    { id: "league", title: "الدوري", paragraphs: ["يقام الدوري كل عام بمشاركة عشرين فريقا."] },
  );
  const quote = (options = {}) => createEngine(knowledge, options).answer("كم هدفا سجل اللاعب سالم في الدوري؟").results[0]!.quote;
  it("puts first the sentence of the paragraph whose number counts what is asked, not one with a year beside it", () => {
    expect(quote()).toContain("35 هدفا");
    // Off, the sentence with the year goes first: the rule is what moves it.
    expect(quote({ countedNumberTie: 2 })).not.toContain("35 هدفا");
  });
});
