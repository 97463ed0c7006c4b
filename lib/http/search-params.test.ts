import { describe, expect, it } from "vitest";
import { isPlausibleSlug, parsePage } from "./search-params";

describe("parsePage", () => {
  it.each([
    [undefined, 1],
    ["1", 1],
    ["7", 7],
    ["0", 1],
    ["-1", 1],
    ["abc", 1],
    ["2.5", 1],
    ["1e3", 1],
    [" 3", 1],
    ["99999999999999999999", 1],
    ["x".repeat(10_000), 1],
    [["4", "9"], 4],
    [[], 1],
  ])("%j -> %i", (value, page) => {
    expect(parsePage(value as string | string[] | undefined)).toBe(page);
  });
});

describe("isPlausibleSlug", () => {
  it.each([
    ["europe-gas-storage", true],
    ["", false],
    ["a".repeat(201), false],
    ["with space", false],
    ["new\nline", false],
  ])("%j -> %s", (slug, expected) => {
    expect(isPlausibleSlug(slug)).toBe(expected);
  });
});
