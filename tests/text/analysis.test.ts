import { describe, expect, it } from "vitest";
import { foldDigits, foldLetters, normalize, stripMarks } from "../../src/text/normalize.ts";
import fc from "fast-check";
import { tokenize, tokenTexts } from "../../src/text/tokenize.ts";
import { isStopWord } from "../../src/text/stopwords.ts";
import { rootKey, stem } from "../../src/text/stem.ts";
import { applyAliases, buildAliasTable } from "../../src/text/aliases.ts";
import { createAnalyzer } from "../../src/text/analyze.ts";

const terms = (text: string, analyze = createAnalyzer()) => analyze(text).map((t) => t.term);

describe("normalize", () => {
  it("strips harakat, tatweel and format characters", () => {
    expect(stripMarks("مُنِعَتْ")).toBe("منعت");
    expect(stripMarks("الذكـــاء")).toBe("الذكاء");
    expect(stripMarks("\u200Fميتا\u200E\u200C\uFEFF")).toBe("ميتا");
  });
  it("drops the accents of Latin letters, as people type names", () => {
    expect(normalize("Müller")).toBe("muller");
    expect(normalize("José Mourinho")).toBe("jose mourinho");
  });
  it("takes a letter stretched for emphasis for one letter, and leaves a doubled one", () => {
    expect(normalize("كمممم")).toBe("كم");
    expect(normalize("وييين")).toBe("وين");
    expect(normalize("أمم")).toBe("امم");
  });
  it("folds hamza forms, alef maqsura, teh marbuta, Persian letters", () => {
    expect(foldLetters("أإآٱ")).toBe("اااا");
    expect(foldLetters("مستشفى")).toBe("مستشفي");
    expect(foldLetters("شركة")).toBe("شركه");
    expect(foldLetters("مؤتمر ئ")).toBe("موتمر ي");
    expect(foldLetters("کتاب ی")).toBe("كتاب ي");
  });
  it("turns Arabic-Indic and Persian digits into ASCII", () => {
    expect(foldDigits("٢٠٢٤ ۱۲")).toBe("2024 12");
  });
  it("applies NFKC and lowercases Latin", () => {
    expect(normalize("ﻻ Meta")).toBe("لا meta");
    expect(normalize("الإتحادُ الأوروبيّ")).toBe("الاتحاد الاوروبي");
  });
});

describe("tokenize", () => {
  it("splits where Arabic script meets Latin script", () => {
    expect(tokenize("تتعاون Meta وSpotify").map((t) => t.text)).toEqual(["تتعاون", "meta", "و", "spotify"]);
  });
  it("keeps offsets into the original text", () => {
    const text = "قال «زوكربيرج»: نعم";
    for (const t of tokenize(text)) expect(normalize(text.slice(t.start, t.end))).toBe(t.text);
  });
  it("does not split a word on ZWNJ or harakat, and drops emoji and punctuation", () => {
    expect(tokenize("مُنعت 😀 !!").map((t) => t.text)).toEqual(["منعت"]);
    expect(tokenize("😀🎉 ...")).toEqual([]);
  });
  it("reads words as a Unicode regex over the text would, in every script and outside the BMP", () => {
    // The scanner reads a table of word characters: it must find the runs this regex finds.
    const reference = (text: string) =>
      [...text.matchAll(/[\p{L}\p{N}\p{M}\p{Cf}\u0640]+/gu)].flatMap((run) => {
        let offset = run.index;
        return run[0].split(/(?<=\p{Script=Arabic})(?=\p{Script=Latin})|(?<=\p{Script=Latin})(?=\p{Script=Arabic})/u).flatMap((piece) => {
          const start = offset;
          offset += piece.length;
          const text = normalize(piece);
          return /[\p{L}\p{N}]/u.test(text) ? [{ text, start, end: start + piece.length }] : [];
        });
      });
    const alphabet = fc.constantFrom(..."ابتةىيءأإآؤئ ًٌٍَُِّْـ‌‏aZ09٣۴ éß中.,،؛؟!«»()-\n\t".split(""), "𝐀", "𠀀", "😀", "\ud800", "\udc00");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join("")), (text) => {
        expect(tokenize(text)).toEqual(reference(text));
        expect(tokenTexts(text)).toEqual(reference(text).map((t) => t.text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("stop words", () => {
  it("drops the Arabic article written apart in a Latin-script name, and keeps the name", () => {
    const terms = createAnalyzer()("Sanaa El Idrissi").map((t) => t.term);
    expect(terms).toEqual(["sanaa", "idrissi"]);
  });

  it("holds question words, formal and dialect", () => {
    for (const w of ["ليش", "ليه", "شو", "وش", "ايش", "ايه", "منو", "شنو", "فين", "وين", "ازاي", "كيف", "لماذا", "ليس", "ماذا", "لازم", "المفروض"]) {
      expect(isStopWord(normalize(w)), w).toBe(true);
    }
  });
  it("holds requests to be told: «اذكر», «اشرح», «وضح», «اعط»", () => {
    for (const w of ["اذكر", "اشرح", "وضح", "اعط", "اعطي"]) expect(isStopWord(normalize(w)), w).toBe(true);
  });
  it("holds the object carrier of Levantine «بدي ياه»", () => {
    for (const w of ["ياه", "إياه", "إياها"]) expect(isStopWord(normalize(w)), w).toBe(true);
  });
  it("holds a listed word with a proclitic or a pronoun suffix, and no content word", () => {
    for (const w of ["معها", "عليهم", "بشو", "لمين", "عندي", "فيها"]) expect(isStopWord(normalize(w)), w).toBe(true);
    for (const w of ["بيان", "وقت", "مستخدم", "شركه", "لقب", "كلية"]) expect(isStopWord(normalize(w)), w).toBe(false);
  });
  it("strips a letter off a two-letter word only when that word takes one: «بدأ» is no «ب» + «دا»", () => {
    for (const w of ["فقط", "لكي", "بما", "فقد", "لها", "منها"]) expect(isStopWord(normalize(w)), w).toBe(true);
    for (const w of ["بدأ", "فعل", "لحق", "وهب", "لبن", "بنها", "دينا"]) expect(isStopWord(normalize(w)), w).toBe(false);
    // Content words stopwords-iso lists: founded, returned, appointed, father, brother.
    for (const w of ["أنشأ", "عاد", "عين", "أب", "أخ"]) expect(isStopWord(normalize(w)), w).toBe(false);
    // «مال» is money before it is the Iraqi possessive: «رأس المال», «مالها».
    for (const w of ["مال", "مالها"]) expect(isStopWord(normalize(w)), w).toBe(false);
    // A number is never one, though stopwords-iso lists «10» and «39».
    for (const w of ["10", "39", "2022"]) expect(isStopWord(w), w).toBe(false);
  });
  it("reads a one-letter pronoun only on a preposition or particle: a noun in ة is no listed word + ه", () => {
    for (const w of ["منه", "عليه", "بعده", "لديه", "مثله", "عندك", "فيك"]) expect(isStopWord(normalize(w)), w).toBe(true);
    // «تذكر», «كلم», «طاق» and «مقابل» are listed; «تذكرة», «كلمة», «طاقة» and «مقابلة» are nouns.
    for (const w of ["تذكرة", "كلمة", "طاقة", "مقابلة", "حرية", "أمه"]) expect(isStopWord(normalize(w)), w).toBe(false);
  });
  it("holds the fillers that ask about a whole topic: «شو قصة…؟», «ما حكاية…؟», «الشي»", () => {
    for (const w of ["قصة", "حكاية", "الشيء", "الشي", "الأشياء", "الأشيا"]) expect(isStopWord(normalize(w)), w).toBe(true);
    // The other persons of كان and قال, and dialect fillers: «كانوا», «بعدين», «ذلحين», «ديالو».
    for (const w of ["كانوا", "كنت", "قالوا", "يقولوا", "بعدين", "ذلحين", "هسا", "هني", "ديالو", "بتاعهم", "حقهم", "الواحد", "بالذات", "تحديدا", "مجرد", "الكلام"]) expect(isStopWord(normalize(w)), w).toBe(true);
  });
  it("holds question words run together or spelt as said", () => {
    for (const w of ["ماهي", "ماهى", "ماسم", "مالذي", "بمادا", "بمازا", "اللتي", "اللذى"]) expect(isStopWord(normalize(w)), w).toBe(true);
    for (const w of ["مادة", "ماكينة", "ماهر", "مازن"]) expect(isStopWord(normalize(w)), w).toBe(false);
  });
  it("keeps a name that reads as a proclitic on a dialect word («ليلى» is not ل + يلي)", () => {
    expect(isStopWord(normalize("ليلى"))).toBe(false);
  });
  it("keeps content words that stopwords-iso lists", () => {
    for (const w of ["اليوم", "عام", "مليون", "قوة"]) expect(isStopWord(normalize(w)), w).toBe(false);
  });
});

describe("stem (light10)", () => {
  it("strips the article and its proclitics", () => {
    expect(stem("الاتحاد")).toBe("اتحاد");
    expect(stem("والاتحاد")).toBe("اتحاد");
    expect(stem("للمطورين")).toBe("مطور");
    expect(stem("وللمطورين")).toBe("مطور");
    expect(stem("فبالتالي")).toBe(stem("التالي"));
  });
  it("strips suffixes but keeps short words", () => {
    expect(stem("المنتجات")).toBe("منتج");
    expect(stem("مكتبه")).toBe("مكتب");
    expect(stem("بالغ")).toBe("بالغ");
  });
  it("reads a proclitic before a number as the number («و2005»)", () => {
    expect(stem("و2005")).toBe("2005");
    expect(stem("ب100")).toBe("100");
    expect(stem("وقت")).toBe("وقت");
  });
  it("leaves Latin words alone", () => {
    expect(stem("spotify")).toBe("spotify");
  });
  it("leaves three letters at least under a plural, dual or nisba ending", () => {
    expect(stem("السكان")).toBe("سكان");
    expect(stem("بنات")).toBe("بنات");
    expect(stem("عمان")).toBe("عمان");
    expect(stem("المطارات")).toBe("مطار");
    expect(stem("السكانيه")).toBe("سكان");
  });
  it("keeps the ن of a five-letter word in «ون», and strips a plural's «ون» from a longer one", () => {
    expect(stem("التعاون")).toBe("تعاون");
    expect(stem("قانون")).toBe("قانون");
    expect(stem(normalize("مليونًا"))).toBe("مليون");
    expect(stem("المدربون")).toBe("مدرب");
    expect(stem("عربيون")).toBe("عرب");
    // «تعاونت», «تعاون» and «التعاون» meet at one root key.
    expect(rootKey(stem("تعاونت"))).toBe(rootKey(stem("التعاون")));
  });
  it("rootKey conflates verb forms that light10 keeps apart", () => {
    expect(rootKey(stem("ستمنعه"))).toBe(rootKey(stem("منعت")));
    expect(rootKey(stem("ستمنعه"))).not.toBe(rootKey(stem("تدريب")));
    // He and she of a three-letter present tense.
    expect(rootKey(stem("تقع"))).toBe(rootKey(stem("يقع")));
    expect(rootKey(stem("تحد"))).toBe(rootKey(stem("يحدها")));
    expect(rootKey(stem("نهر"))).not.toBe(rootKey(stem("يهر")));
    // Broken plurals مفاعل/مفاعيل meet their singulars.
    for (const [plural, singular] of [["المناطق", "منطقة"], ["مدارس", "المدرسة"], ["المشاريع", "مشروع"], ["مقاعد", "مقعدا"]] as const) {
      expect(rootKey(stem(normalize(plural))), plural).toBe(rootKey(stem(normalize(singular))));
    }
    // And فعائل meets فعالة/فعيلة and the verb.
    for (const [plural, singular] of [["الخسائر", "خسارة"], ["خسائر", "خسرت"], ["رسائل", "الرسالة"], ["الضرائب", "ضريبة"], ["دقائق", "دقيقة"]] as const) {
      expect(rootKey(stem(normalize(plural))), plural).toBe(rootKey(stem(normalize(singular))));
    }
    // And أفاعيل/تفاعيل/فعاليل, and a فعائل whose ن is the root's.
    for (const [plural, singular] of [["تقارير", "تقرير"], ["أساليب", "أسلوب"], ["براميل", "برميل"], ["صناديق", "صندوق"], ["نتائج", "نتيجة"]] as const) {
      expect(rootKey(stem(normalize(plural))), plural).toBe(rootKey(stem(normalize(singular))));
    }
    // A تفعّل/تفاعل verb in the present meets its verbal noun.
    expect(rootKey(stem("يتوقف"))).toBe(rootKey(stem("التوقف")));
    expect(rootKey(stem("تتقاطع"))).toBe(rootKey(stem("تقاطع")));
    expect(rootKey(stem("يتحدث"))).toBe(rootKey(stem("الحديث")));
  });
});

describe("aliases", () => {
  const table = buildAliasTable([
    { canonical: "spotify", spellings: ["Spotify", "سبوتيفاي", "سبوتيفي"] },
    { canonical: "eu", spellings: ["EU", "الاتحاد الأوروبي"] },
  ]);
  const canon = (text: string) => applyAliases(tokenize(text), table).map((t) => t.text);
  it("maps spellings in both scripts to one term", () => {
    expect(canon("سبوتيفي Spotify سبوتيفاي")).toEqual(["spotify", "spotify", "spotify"]);
  });
  it("matches multi-word spellings and clitics", () => {
    expect(canon("لسبوتيفاي وللاتحاد الاوروبي")).toEqual(["spotify", "eu"]);
    expect(canon("في الإتحاد الأوروبي")).toEqual(["في", "eu"]);
  });
  it("analyzer keeps canonical terms unstemmed and spans the whole phrase", () => {
    const analyze = createAnalyzer([{ canonical: "eu", spellings: ["الاتحاد الأوروبي"] }]);
    const [term] = analyze("الاتحاد الأوروبي");
    expect(term).toEqual({ term: "eu", start: 0, end: "الاتحاد الأوروبي".length });
  });
});

describe("analyzer", () => {
  it("remembers the words whose stem only cut an ending, as the text writes them", () => {
    const analyze = createAnalyzer();
    analyze.terms("قالت الدكتورة نادين خوري والمعلمين");
    expect(analyze.cutSpellings("ناد")).toEqual(["نادين"]);
    expect(analyze.cutSpellings("خور")).toEqual(["خوري"]);
    // «المعلمين» lost its article too: no spelling of a name.
    expect(analyze.cutSpellings("معلم")).toEqual([]);
  });

  it("gives the same terms for spelling variants", () => {
    expect(terms("الشركة الأوروبية")).toEqual(terms("الشركه الاوروبيه"));
    expect(terms("مستشفى")).toEqual(terms("مستشفي"));
    expect(terms("الذكـــاء الاصطناعيّ")).toEqual(terms("الذكاء الاصطناعي"));
  });
  it("drops stop words and single letters", () => {
    expect(terms("ليش ما هو و")).toEqual([]);
  });
  it("gives indexing the same terms without their places, with aliases or without", () => {
    const withAliases = createAnalyzer([{ canonical: "spotify", spellings: ["سبوتيفاي", "دانييل إيك"] }]);
    const text = "قال دانييل إيك إن سبوتيفاي ووMeta لن تنتظرا، والذكاء الاصطناعيّ 2025 😀";
    for (const analyze of [createAnalyzer(), withAliases]) expect(analyze.terms(text)).toEqual(analyze(text).map((t) => t.term));
    expect(withAliases.terms(text)).toContain("spotify");
  });
});

describe("stem: ة written ت before a pronoun", () => {
  const same = (a: string, b: string) => expect(stem(normalize(a)), a).toBe(stem(normalize(b)));
  it("meets the bare word", () => {
    same("موهبته", "موهبة");
    same("دولتها", "دولة");
    same("سياراته", "سيارات");
    same("حياتها", "حياة");
  });
  it("leaves a three-letter word and a word with no pronoun alone", () => {
    expect(stem(normalize("بيته"))).toBe("بيت");
    expect(stem(normalize("صوته"))).toBe("صوت");
    expect(stem(normalize("اكتشفت"))).toBe("اكتشفت");
  });
});

describe("stem: a و that opens the word", () => {
  it("stays when fewer than four letters follow, and goes before longer words", () => {
    expect(stem(normalize("وصلت"))).toBe("وصلت");
    expect(stem(normalize("والد"))).toBe("والد");
    expect(stem(normalize("والشركات"))).toBe(stem(normalize("الشركات")));
    expect(stem(normalize("وتوفي"))).toBe(stem(normalize("توفي")));
  });
});

describe("stem: accusative tanween", () => {
  it("drops the tanween alef so the noun meets its other forms", () => {
    expect(stem("مشغلا")).toBe(stem("المشغل"));
    expect(stem("سابقا")).toBe(stem("السابق"));
    expect(stem("معا")).toBe("معا"); // too short to touch
  });
  it("keeps the alef of a future verb's hamza, so «ستبدأ» meets «يبدأ» by its root key", () => {
    expect(rootKey(stem(normalize("ستبدأ")))).toBe(rootKey(stem(normalize("يبدأ"))));
    expect(rootKey(stem(normalize("سيقرأ")))).toBe(rootKey(stem(normalize("تقرأ"))));
    expect(stem(normalize("سنوياً"))).toBe(stem(normalize("سنوي")));
  });
});

import { answersMeasure, expectedAnswerType, holdsAnswerType } from "../../src/text/answer-type.ts";

describe("answer type", () => {
  it("reads how-many and when questions, formal and dialect", () => {
    expect(expectedAnswerType("كم عدد المشاركين؟")).toBe("number");
    expect(expectedAnswerType("قديش عمره")).toBe("age");
    expect(expectedAnswerType("متى نُشر البيان؟")).toBe("time");
    expect(expectedAnswerType("امتى نزل الخبر")).toBe("time");
    // Iraqi and Levantine: «شوكت» and «إمتين» (when), «شكد» (how much), «بيش» (for how much).
    expect(expectedAnswerType("شوكت يبدأ الدوام؟")).toBe("time");
    expect(expectedAnswerType("إمتين بيفتح المعرض؟")).toBe("time");
    expect(expectedAnswerType("شكد تأخرت الشركة؟")).toBe("number");
    expect(expectedAnswerType("بيش التذكرة؟")).toBe("price");
    for (const w of ["شوكت", "شكد", "بيش", "اشلون"]) expect(isStopWord(normalize(w)), w).toBe(true);
    expect(expectedAnswerType("من هو زوكربيرج؟")).toBeUndefined();
    // A noun that asks for an amount or a time, right after the question word.
    expect(expectedAnswerType("ما هي نسبة المشاركين؟")).toBe("number");
    expect(expectedAnswerType("ما مساحة البلد؟")).toBe("area");
    expect(expectedAnswerType("في أي عام أسس النادي؟")).toBe("time");
    // Elsewhere it is the question's topic.
    expect(expectedAnswerType("ما سبب ارتفاع السعر؟")).toBeUndefined();
  });
  it("reads a question for a price: «بكم», and how much for a price, cost or fee", () => {
    for (const q of ["بكام تذكرة الماتش؟", "كم سعر السهم؟", "قديش ثمن الهاتف؟", "ما سعر النسخة الأعلى؟", "بقديش الدخول؟"]) expect(expectedAnswerType(q), q).toBe("price");
    // A rate is a number in no currency.
    for (const q of ["ما سعر الفائدة الجديد؟", "كم سعر صرف الدينار؟"]) expect(expectedAnswerType(q), q).toBe("number");
    // «بكم» before a unit in the accusative is "by how many": a number; before a currency or a thing, a price.
    expect(expectedAnswerType("بكم ميلاً تزايدت إزالة الغابات؟")).toBe("number");
    for (const q of ["بكم في المئة قلّ الاستهلاك؟", "بكم بالمئة ارتفعت الأسعار؟"]) expect(expectedAnswerType(q), q).toBe("number");
    for (const q of ["بكم دولاراً يباع؟", "بكام رواية ملح الأطلسي؟", "بكم التذكرة؟"]) expect(expectedAnswerType(q), q).toBe("price");
  });
  it("finds a price: a number with its currency, or «free»", () => {
    for (const t of ["بسعر 899 ريالاً للتذكرة", "يبلغ 5000درهم", "تكلف $30", "ثمنه ٢٠ ديناراً", "والدخول مجاني لجميع الزوار"]) expect(holdsAnswerType(t, "price"), t).toBe(true);
    // A number that is no money: the count of writers, a year.
    for (const t of ["يضم 22 كاتباً ومترجماً", "منذ عام 2019", "السعر مرتفع", "22 رحلة بين لشبونة والخليج"]) expect(holdsAnswerType(t, "price"), t).toBe(false);
  });
  it("reads which measure is asked, past a verb", () => {
    expect(expectedAnswerType("كم يبلغ طول النفق؟")).toBe("length");
    expect(expectedAnswerType("قديش وزن الشنطة؟")).toBe("weight");
    expect(expectedAnswerType("كم مدة الرحلة؟")).toBe("duration");
    expect(expectedAnswerType("ما الزمن الذي سجلته بطلة السباق؟")).toBe("duration");
    expect(expectedAnswerType("كم كان عمره؟")).toBe("age");
    // A count is no measure; «كم راتب…؟» asks for money.
    expect(expectedAnswerType("كم عدد الأطباء؟")).toBe("number");
    expect(expectedAnswerType("كم راتب المدير؟")).toBe("price");
  });
  it("finds a measure: a number in its unit", () => {
    for (const t of ["يمتد النفق 1.2 كيلومتر", "بطول ثلاثة آلاف متر", "مسار 5كم"]) expect(holdsAnswerType(t, "length"), t).toBe(true);
    expect(holdsAnswerType("مساحتها 103 آلاف كيلومتر مربع", "area")).toBe(true);
    expect(holdsAnswerType("حقيبة يدوية بوزن 7 كيلوغرامات", "weight")).toBe(true);
    expect(holdsAnswerType("إجازة مدتها يومان", "duration")).toBe(true);
    for (const t of ["ألا يقل عمر المستخدم عن 16 عاماً", "رجل في الثالثة والستين من عمره"]) expect(holdsAnswerType(t, "age"), t).toBe(true);
    // A number in another unit, or a year that is no age.
    for (const t of ["بزمن قدره 41 ثانية عام 2023", "في عام 2000", "من عمره الطويل"]) expect(holdsAnswerType(t, "age"), t).toBe(false);
    expect(holdsAnswerType("بوزن 7 كيلوغرامات", "length")).toBe(false);
  });
  it("answers a measure only where no other measure of its unit is named", () => {
    expect(answersMeasure("يمتد الأنبوب 1.2 كيلومتر تحت الأرض", "طول")).toBe(true);
    expect(answersMeasure("ويبلغ ارتفاعها نحو 6 أمتار", "عمق")).toBe(false);
    expect(answersMeasure("يمتد الأنبوب 1.2 كيلومتر", "عدد")).toBe(false);
  });
  it("finds numbers and times in text", () => {
    expect(holdsAnswerType("بلغ السعر ٥٠٠ دولار", "number")).toBe(true);
    expect(holdsAnswerType("ثلاثة ملايين مستخدم", "number")).toBe(true);
    expect(holdsAnswerType("نُشرا يوم الجمعة", "time")).toBe(true);
    expect(holdsAnswerType("في السنوات الأخيرة", "time")).toBe(true);
    expect(holdsAnswerType("تعيق الابتكار", "time")).toBe(false);
    // A season, an era, an age of a life (with a pronoun), a condition: «متى…؟» answered without a date.
    for (const t of ["خلال طفولته انتحرت شقيقته", "في عهدها", "اكتُشف الموقع في الصيف", "عند الإشارة إلى مجموعة"]) expect(holdsAnswerType(t, "time"), t).toBe(true);
    expect(holdsAnswerType("ذهب إلى السوق مع أخيه", "time")).toBe(false);
    expect(holdsAnswerType("تعيق الابتكار", "number")).toBe(false);
    // Tens, and a dual, which counts two.
    expect(holdsAnswerType("عاش تسعين عاما", "number")).toBe(true);
    expect(holdsAnswerType("إجازة قصيرة مدتها يومان", "number")).toBe(true);
    expect(holdsAnswerType("فاز مرتين باللقب", "number")).toBe(true);
    // «ميتا» is no «مئتا» once hamza is folded: only the spelling with alef counts.
    expect(holdsAnswerType("أعلنت ميتا عن نموذج", "number")).toBe(false);
  });
});

import { dialectVariants } from "../../src/text/dialect.ts";

describe("dialect", () => {
  it("leaves alone a dialect word whose MSA sense is the commoner: length, role, champion, prison, sugar, increase", () => {
    for (const w of ["طول", "دور", "بطل", "حبس", "سكر", "زيادة"]) expect(dialectVariants(normalize(w)), w).toEqual([]);
  });

  it("maps dialect words to their MSA forms", () => {
    expect(dialectVariants(normalize("يسوي"))).toContain("يفعل");
    // People and family: «كام عيلة…؟», «السواق».
    expect(dialectVariants(normalize("عيلة"))).toContain(normalize("عائلة"));
    expect(dialectVariants(normalize("سواق"))).toContain(normalize("سائق"));
    // Took someone somewhere, closed, Iraqi "begins".
    expect(dialectVariants(normalize("ودّوا"))).toContain(normalize("نقلوا"));
    expect(dialectVariants(normalize("بيسكر"))).toContain(normalize("يغلق"));
    expect(dialectVariants(normalize("يبدي"))).toContain(normalize("يبدا"));
    expect(dialectVariants(normalize("طيارات"))).toContain(normalize("رحلات"));
    // Egyptian passives, loanwords, Maghrebi and Gulf words.
    expect(dialectVariants(normalize("اتأجلت"))).toContain(normalize("تأجلت"));
    expect(dialectVariants(normalize("الكوتش"))).toContain("المدرب");
    expect(dialectVariants(normalize("كاين"))).toContain("يوجد");
    expect(dialectVariants(normalize("وايد"))).toContain("كثير");
    // The boss as people say it, the CEO as the news writes it.
    expect(dialectVariants(normalize("مدير"))).toContain(normalize("رئيس تنفيذي"));
    // Egyptian negation without its alef: «موصلش» is «وصل», «مبيشتغلش» «يعمل».
    expect(dialectVariants(normalize("موصلش"))).toContain("وصل");
    expect(dialectVariants(normalize("مبيشتغلش"))).toContain("يعمل");
    expect(dialectVariants(normalize("الجاي"))).toContain("القادم");
    expect(dialectVariants(normalize("الاتنين"))).toContain("الاثنان");
    // The demonstrative «ها» on the article, alone or after a preposition.
    expect(dialectVariants(normalize("هالتأخير"))).toContain(normalize("التأخير"));
    expect(dialectVariants(normalize("بهالحر"))).toContain(normalize("بالحر"));
    // A dialect verb's past-tense «ت», as its plural «وا», on the form the lexicon holds.
    expect(dialectVariants(normalize("اشتغلت"))).toContain("عمل");
    // "wanting" has two MSA verbs; the text may use either
    expect(dialectVariants(normalize("بدها"))).toEqual(expect.arrayContaining(["تريد", "ترغب"]));
    expect(dialectVariants(normalize("موديل"))).toContain("نموذج");
    // «فيه» is MSA «in it» as often as dialect «there is»: left a stop word, not made «يوجد».
    expect(dialectVariants(normalize("فيه"))).not.toContain("يوجد");
  });
  it("reads Levantine «هال…» and the Maghrebi present «كي…»", () => {
    expect(dialectVariants(normalize("هالتأخير"))).toContain("التاخير");
    expect(dialectVariants("كيشوف")).toContain("يشوف");
    expect(dialectVariants("كيشوف")).toContain("يري");
  });
  it("reads Gulf and Maghrebi words for coming, crowds, free and the next one", () => {
    expect(dialectVariants(normalize("يجي"))).toContain(normalize("يأتي"));
    expect(dialectVariants(normalize("الزحمة"))).toContain(normalize("الذروة"));
    expect(dialectVariants(normalize("فابور"))).toContain(normalize("مجانا"));
    expect(dialectVariants(normalize("الجاية"))).toContain(normalize("المقبلة"));
  });
  it("reads the Egyptian passive «ات…» the lexicon lacks as the verb, and the future «ه…» also without it", () => {
    expect(dialectVariants(normalize("اتبسطت"))).toContain("بسطت");
    expect(dialectVariants(normalize("هيستفيد"))).toContain("يستفيد");
  });
  it("reads «ش» run into a verb as «شنو» (what): «شتريد» → «تريد»", () => {
    expect(dialectVariants("شتريد")).toContain("تريد");
    expect(dialectVariants("شيصير")).toContain("يحدث");
  });
  it("reads Egyptian future and Levantine present prefixes", () => {
    expect(dialectVariants("هيستفيد")).toContain("سيستفيد");
    expect(dialectVariants("بيقولوا")).toContain("يقولوا");
    expect(dialectVariants("وحيطلق")).toContain("سيطلق");
  });
  it("unwraps the ما…ش negation of Egyptian and Maghrebi Arabic", () => {
    expect(dialectVariants("مابيشتكوش")).toEqual(expect.arrayContaining(["بيشتكو", "يشتكو"]));
    expect(dialectVariants("مايعارضوش")).toContain("يعارضو");
    expect(isStopWord(dialectVariants("ماغاديش")[0]!)).toBe(true);
  });
  it("writes the silent alef of a plural verb as chats leave it off («كملو» → «كملوا»), never on a stop word", () => {
    expect(dialectVariants("كملو")).toEqual(expect.arrayContaining(["كملوا"]));
    expect(dialectVariants("يبلشو")).toContain("يبلشوا");
    expect(dialectVariants("يبلشو")).toContain("يبدا");
    // «ماهو» is a question word: made «ماهوا», it had become a content word the text lacks.
    expect(dialectVariants("ماهو")).toEqual([]);
  });
  it("knows everyday words of several dialects", () => {
    expect(dialectVariants(normalize("جوال"))).toContain("هاتف");
    expect(dialectVariants(normalize("بكرا"))).toContain("غدا");
    expect(dialectVariants(normalize("الماتش"))).toContain("المباراه");
    expect(dialectVariants(normalize("اتجوز"))).toContain("تزوج");
  });
  it("leaves other words alone", () => {
    expect(dialectVariants("نموذج")).toEqual([]);
    expect(dialectVariants("ماش")).toEqual([]);
  });
});

import { arabicForEnglish } from "../../src/text/english.ts";

describe("English words in Arabic questions", () => {
  it("gives the Arabic forms of common English terms, plural or not", () => {
    expect(arabicForEnglish("model")).toEqual([normalize("نموذج")]);
    expect(arabicForEnglish("regulations")[0]).toBe(normalize("اللوائح"));
    expect(arabicForEnglish("player")).toEqual([normalize("مشغل"), normalize("لاعب")]);
    expect(arabicForEnglish("experience")).toEqual([normalize("تجربة")]);
    expect(arabicForEnglish("enemies")).toEqual([normalize("أعداء")]);
    expect(arabicForEnglish("zuckerberg")).toEqual([]);
  });
  it("covers the news of ports, energy, health, courts and sport as well as technology", () => {
    for (const [english, arabic] of [["capacity", "القدرة"], ["containers", "الحاويات"], ["judge", "قاضي"], ["heatwave", "موجة حر"], ["runners", "العدائين"], ["loan", "قرض"]]) {
      expect(arabicForEnglish(english!), english).toContain(normalize(arabic!));
    }
  });
  it("treats a detached article or preposition as a stop word", () => {
    expect(terms("ال EU بال AI")).toEqual(["eu", "ai"]);
  });
});

describe("rootKey: verbal nouns and broken plurals", () => {
  const key = (word: string) => rootKey(stem(normalize(word)));
  it("meets verbs and singulars without the long vowel before the last radical", () => {
    expect(key("إجبارها")).toBe(key("أجبروها"));
    expect(key("السطور")).toBe(key("سطر"));
    expect(key("استخدام")).toBe(key("يستخدمون"));
  });
  it("meets a broken plural فواعل/فواعيل and its singular", () => {
    expect(key("القوانين")).toBe(key("قانون"));
    expect(key("قواعد")).toBe(key("القاعدة"));
    expect(key("قواعد")).not.toBe(key("قانون"));
  });
  it("meets a four-letter present in ت and its noun (ترغب ~ رغبة, تطلق ~ إطلاق)", () => {
    expect(key("ترغب")).toBe(key("رغبة"));
    expect(key("تطلقه")).toBe(key("إطلاق"));
  });
  it("meets a short derived-form past tense and its present (اشتكى ~ يشتكون)", () => {
    expect(key("اشتكى")).toBe(key("يشتكون"));
    expect(key("اشتكى")).not.toBe(key("شكر"));
  });
  it("keeps different roots apart", () => {
    expect(key("إجبارها")).not.toBe(key("السطور"));
    expect(key("تدريب")).not.toBe(key("إطلاق"));
  });
});

describe("answer type: references are not amounts", () => {
  it("does not take «الاثنان» (the two of them) for a number", () => {
    expect(holdsAnswerType("يشترك الاثنان في عدو مشترك", "number")).toBe(false);
    expect(holdsAnswerType("اشترى اثنين منها", "number")).toBe(true);
  });
});

describe("a large alias table", () => {
  it("loads 30,000 spellings and still prefers the longest spelling", async () => {
    const { buildAliasTable, applyAliases } = await import("../../src/text/aliases.ts");
    const { tokenize } = await import("../../src/text/tokenize.ts");
    const groups = Array.from({ length: 10_000 }, (_, i) => ({ canonical: `name${i}`, spellings: [`اسم${i}`, `اسم${i} الكامل`, `Name${i}`] }));
    const table = buildAliasTable(groups);
    const tokens = applyAliases(tokenize("قال اسم9999 الكامل"), table);
    expect(tokens.map((t) => t.text)).toEqual(["قال", "name9999"]);
  });
});

import { bracketedLife, lifeEvent } from "../../src/text/answer-type.ts";

describe("life dates", () => {
  it("reads words that ask for a birth or a death, with «و» before them", () => {
    expect(lifeEvent("ولد")).toBe("birth");
    expect(lifeEvent("وتوفي")).toBe("death");
    expect(lifeEvent("عاد")).toBeUndefined();
  });

  it("finds them in a biography's brackets: one year a birth, a span of two a death too", () => {
    expect(bracketedLife("عمر المختار (20 أغسطس 1858 - 16 سبتمبر 1931)، قائد ليبي")).toEqual({ birth: true, death: true });
    expect(bracketedLife("بشار الأسد (مواليد 11 سبتمبر 1965) هو رئيس")).toEqual({ birth: true, death: false });
    // Brackets without a year give no dates: a name in another language.
    expect(bracketedLife("الموناليزا (بالفرنسية: La Joconde) لوحة")).toEqual({ birth: false, death: false });
  });
});
