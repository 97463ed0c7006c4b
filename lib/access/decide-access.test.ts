import { describe, expect, it } from "vitest";
import { decideAccess, type ReaderForAccess } from "./decide-access";

const policy = { freeArticlesPerMonth: 3 };
const reader = (unlockedThisArticle: boolean, unlocksThisMonth: number): ReaderForAccess => ({
  unlockedThisArticle,
  unlocksThisMonth,
});

describe("decideAccess", () => {
  it.each([
    ["anonymous, gated article", null, false, "preview", "anonymous"],
    ["anonymous, free article", null, true, "full", "free-article"],
    ["reader, free article", reader(false, 3), true, "full", "free-article"],
    ["reader who unlocked it", reader(true, 3), false, "full", "unlocked"],
    ["reader who unlocked it last month, nothing left", reader(true, 99), false, "full", "unlocked"],
    ["reader with none used", reader(false, 0), false, "preview", "quota-available"],
    ["reader with one left", reader(false, 2), false, "preview", "quota-available"],
    ["reader with all used", reader(false, 3), false, "preview", "quota-exhausted"],
    ["reader over quota (setting lowered)", reader(false, 5), false, "preview", "quota-exhausted"],
  ] as const)("%s", (_label, who, free, level, reason) => {
    expect(decideAccess(who, { free }, policy)).toEqual({ level, reason });
  });

  it("follows the monthly quota setting", () => {
    expect(decideAccess(reader(false, 3), { free: false }, { freeArticlesPerMonth: 5 }).reason).toBe(
      "quota-available",
    );
  });
});
