import { describe, expect, it } from "vitest";
import { returnTarget, subscribePath } from "./return-target";

describe("returnTarget", () => {
  it.each([
    ["an article's slug", "e2e-gated-tanker-ceiling", "/articles/e2e-gated-tanker-ceiling"],
    ["a same-site path", "/topics/energy?page=2", "/topics/energy?page=2"],
    ["the first of two values", ["some-slug", "/x"], "/articles/some-slug"],
  ])("accepts %s", (_label, value, path) => {
    expect(returnTarget(value)?.path).toBe(path);
  });

  it.each([
    ["nothing", undefined],
    ["an empty value", ""],
    ["an off-site URL", "https://evil.example/articles/x"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash trick", "/\\evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a slug with capitals and dots", "Not.A.Slug"],
    ["a slug with a trailing dash", "slug-"],
    ["a control character", "/articles/x\u0000"],
    ["something very long", "a".repeat(201)],
  ])("drops %s", (_label, value) => {
    expect(returnTarget(value)).toBeNull();
  });
});

describe("subscribePath", () => {
  it("keeps the article for the way back to /subscribe", () => {
    expect(subscribePath(returnTarget("some-slug"), { canceled: "1" })).toBe("/subscribe?from=some-slug&canceled=1");
    expect(subscribePath(null)).toBe("/subscribe");
  });
});
