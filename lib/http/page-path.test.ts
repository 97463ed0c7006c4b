import { describe, expect, it } from "vitest";
import { pagePath, pageTitle } from "./page-path";

describe("pagePath", () => {
  it("is the listing's own address for page 1, and adds the page after it", () => {
    expect(pagePath("/archive", 1)).toBe("/archive");
    expect(pagePath("/archive", 2)).toBe("/archive?page=2");
    expect(pagePath("/search?q=oil", 3)).toBe("/search?q=oil&page=3");
  });
});

describe("pageTitle", () => {
  it("names the page after the first", () => {
    expect(pageTitle("Archive", 1)).toBe("Archive");
    expect(pageTitle("Archive", 2)).toBe("Archive, page 2");
  });
});
