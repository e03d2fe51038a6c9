import { describe, expect, it } from "vitest";
import { nameKeys, onsetsAgree, vowelsAgree, vowelsKept } from "../../src/text/transliterate.ts";
import { normalize } from "../../src/text/normalize.ts";

const meet = (latin: string, arabic: string) => nameKeys(normalize(latin)).some((key) => nameKeys(normalize(arabic)).includes(key));

describe("names across scripts", () => {
  it.each([
    ["Almeida", "ألميدا"],
    ["Thiago", "تياغو"],
    ["Ramos", "راموس"],
    ["Husseini", "الحسيني"],
    ["Fatima", "فاطمة"],
    ["Mohammed", "محمد"],
    ["Nexora", "نيكسورا"],
    ["Michel", "ميشيل"],
    // A soft c, and ث for a Spanish z as for an English th.
    ["UNICEF", "اليونيسف"],
    ["Ruiz", "رويث"],
    ["Smith", "سميث"],
  ])("%s meets %s", (latin, arabic) => {
    expect(meet(latin, arabic)).toBe(true);
  });

  it.each([
    ["Ramos", "مرسى"],
    ["Almeida", "المدينة"],
    ["Thiago", "تاريخ"],
  ])("%s does not meet %s", (latin, arabic) => {
    expect(meet(latin, arabic)).toBe(false);
  });

  it("gives nothing for words too short to tell a name, or of neither script", () => {
    expect(nameKeys("ea")).toEqual([]);
    expect(nameKeys("2024")).toEqual([]);
  });
});

describe("vowelsAgree", () => {
  it("takes a name whose Arabic spelling writes vowels, even a stem that lost one", () => {
    expect(vowelsAgree("almeida", "ميدا")).toBe(true);
    expect(vowelsAgree("husseini", "حسين")).toBe(true);
    expect(vowelsAgree("ek", "ايك")).toBe(true);
  });
  it("refuses an Arabic word with no vowel letter for a name of two vowels", () => {
    expect(vowelsAgree("tesla", "تصل")).toBe(false);
    expect(vowelsAgree("llama", "علم")).toBe(false);
  });
  it("reads a final -ah as ة, which the stem drops, or as ح", () => {
    expect(meet("Jeddah", "جدة")).toBe(true);
    expect(meet("Makkah", "مكة")).toBe(true);
    expect(meet("Noah", "نوح")).toBe(true);
    expect(vowelsAgree("jeddah", "جد")).toBe(true);
    expect(vowelsAgree("tesla", "تصل")).toBe(false);
  });
});

describe("skeletons: a letter repeated across a vowel counts twice", () => {
  it("keeps both l's of Laila ~ ليلى, and one m of Mohammed ~ محمد", () => {
    expect(meet("Laila", "ليلى")).toBe(true);
    expect(nameKeys("laila")).toEqual(["ll"]);
    expect(meet("Mohammed", "محمد")).toBe(true);
  });
});

describe("onsetsAgree", () => {
  it("tells which of two spellings with one skeleton opens like the name", () => {
    expect(onsetsAgree("wamda", "ومض")).toBe(true);
    expect(onsetsAgree("wamda", "ميدا")).toBe(false);
    expect(onsetsAgree("almeida", "الميدا")).toBe(true);
    expect(onsetsAgree("thiago", "تياغو")).toBe(true);
  });
});


describe("vowelsKept", () => {
  it("counts the name's vowels the Arabic writes, in order, with their letters", () => {
    expect(vowelsKept("ruiz", "رويث")).toBe(2);
    expect(vowelsKept("ruiz", "رييس")).toBe(1);
    expect(vowelsKept("almeida", "الميدا")).toBe(2);
    expect(vowelsKept("yasmin", "ياسمين")).toBe(2);
    expect(vowelsKept("tesla", "تصل")).toBe(0);
  });
});
