import { describe, expect, it } from "vitest";
import { isCountryName } from "../../src/text/countries.ts";
import { normalize } from "../../src/text/normalize.ts";

describe("country names", () => {
  it.each(["أستراليا", "بالمغرب", "للأردن", "مصر", "والسعودية", "كندا"])("knows %s", (word) => {
    expect(isCountryName(normalize(word))).toBe(true);
  });

  it.each(["بيروت", "الشرقية", "كلية", "المالي", "مالي"])("does not take %s for a country", (word) => {
    expect(isCountryName(normalize(word))).toBe(false);
  });
});
