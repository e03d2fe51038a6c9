import { describe, expect, it } from "vitest";
import { isRootTerm, rootTerm, withRootKeys } from "../../src/text/expand.ts";

describe("withRootKeys", () => {
  it("indexes each term as itself and as its marked root key", () => {
    const terms = withRootKeys(["منعت"]);
    expect(terms).toEqual(["منعت", rootTerm("منعت")]);
    expect(isRootTerm(terms[1]!)).toBe(true);
    expect(isRootTerm("منعت")).toBe(false);
  });
  it("also indexes a word with a proclitic under the root key of the word without it", () => {
    for (const [withProclitic, bare] of [["بسعر", "سعر"], ["وعمل", "عمل"], ["لشرك", "شرك"]]) {
      expect(withRootKeys([withProclitic!]), withProclitic).toContain(rootTerm(bare!));
    }
    // A preposition before a two-letter stem too (لمدة → لمد holds مد), a conjunction not: «وقت» is no و + قت.
    expect(withRootKeys(["لمد"])).toContain(rootTerm("مد"));
    expect(withRootKeys(["وقت"])).not.toContain(rootTerm("قت"));
  });
});
