import { describe, expect, it } from "vitest";
import { normalize } from "../../src/text/normalize.ts";
import { synonymsOf } from "../../src/text/synonyms.ts";

const of = (word: string) => synonymsOf(normalize(word));

describe("synonyms", () => {
  it("give the words of one meaning, for the word as written or after its article and proclitics", () => {
    expect(of("يُمنع")).toContain("يحظر");
    expect(of("الأماكن")).toContain("مواقع");
    expect(of("والأماكن")).toContain("مواقع");
    expect(of("الجمهور")).toContain("متفرجين");
  });
  it("see through a pronoun: «بيوتهم», «منزلها», «سيارته»", () => {
    expect(of("بيوتهم")).toContain("منازل");
    expect(of("منزلها")).toContain("بيت");
    expect(of("سيارته")).toContain("سيارات");
  });
  it("hold news words for one thing: a cyber attack is an electronic one", () => {
    expect(of("سيبراني")).toContain(normalize("الكتروني"));
    expect(of("طلبة")).toContain("طلاب");
  });
  it("join a broken plural to its singular, which a light stemmer cannot", () => {
    expect(of("تذاكر")).toContain(normalize("تذكرة"));
    expect(of("الأنواع")).toContain("نوع");
    expect(of("وزراء")).toContain("وزير");
    expect(of("أوقات")).toContain("وقت");
    expect(of("رؤساء")).toContain(normalize("رئيس"));
  });
  it("read a unit as people shorten it", () => {
    expect(of("كيلو")).toContain("كيلوغرام");
  });
  it("are keyed by the word, not its light stem, which collides («الأعلى» and «إعلان» are both «اعل»)", () => {
    expect(of("الأعلى")).not.toContain(normalize("أعلن"));
  });
  it("never give the word itself, and nothing for a word in no set", () => {
    expect(of("الأماكن")).not.toContain("اماكن");
    expect(of("البرتقال")).toEqual([]);
  });
});
