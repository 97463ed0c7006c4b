import { describe, expect, it } from "vitest";
import { prefixQuery } from "./suggest-headlines";

describe("prefixQuery", () => {
  it.each([
    ["iran nuc", "iran:* & nuc:*"],
    ["  Iran's NUC ", "iran:* & s:* & nuc:*"],
    ["Zürich 2026", "zürich:* & 2026:*"],
    ["'\":* & | ! ( <-> energy", "energy:*"],
    ["a b c d e f g h i j", "c:* & d:* & e:* & f:* & g:* & h:* & i:* & j:*"],
  ])("%j -> %j", (typed, query) => {
    expect(prefixQuery(typed)).toBe(query);
  });

  it.each(["", " ", "a", "&|!", "é"])("asks nothing for %j", (typed) => {
    expect(prefixQuery(typed)).toBeNull();
  });
});
