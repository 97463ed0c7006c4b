import { describe, expect, it } from "vitest";
import { carriesGiftParams, hasGiftParams } from "./gift-links";

describe("gift parameters in an address", () => {
  it.each([
    ["/articles/a?gift=abc", true],
    ["/articles/a?gift=", true],
    ["/articles/a?gift", true],
    ["/articles/a?utm_source=x&gift=abc", true],
    ["/articles/a?gi%66t=abc", true],
    ["/articles/a?gift-sent=00000000-0000-4000-8000-000000000000", true],
    ["/articles/a?gift-refused=limit", true],
    ["/articles/a", false],
    ["/articles/a?giftx=1", false],
    ["/articles/a?GIFT=abc", false],
    ["/articles/a?utm_source=gift", false],
    ["/gift/abc", false],
  ])("%s: %s", (url, expected) => {
    expect(carriesGiftParams(url)).toBe(expected);
  });

  it("are found in a page's query as Next.js hands it over", () => {
    expect(hasGiftParams({ gift: "" })).toBe(true);
    expect(hasGiftParams({ gift: ["a", "b"] })).toBe(true);
    expect(hasGiftParams({ "gift-sent": "x" })).toBe(true);
    expect(hasGiftParams({ page: "2" })).toBe(false);
  });
});
