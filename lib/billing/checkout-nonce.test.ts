import { describe, expect, it } from "vitest";
import { checkoutNonce, hashNonce, nonceMatches } from "./checkout-nonce";

describe("the checkout nonce", () => {
  it("matches only the nonce whose hash the session holds", () => {
    const { nonce, hash } = checkoutNonce();
    expect(hash).toBe(hashNonce(nonce));
    expect(nonceMatches(nonce, hash)).toBe(true);
    expect(nonceMatches(checkoutNonce().nonce, hash)).toBe(false);
    expect(nonceMatches(hash, hash)).toBe(false);
  });

  it.each([
    ["no cookie", undefined, "a".repeat(64)],
    ["an empty cookie", "", "a".repeat(64)],
    ["an oversized cookie", "x".repeat(5000), "a".repeat(64)],
    ["no hash in the session", "some-nonce", undefined],
    ["a hash that is not one", "some-nonce", "not-hex"],
  ])("refuses %s", (_label, cookie, hash) => {
    expect(nonceMatches(cookie, hash)).toBe(false);
  });

  it("keeps the browser's own nonce, and replaces anything that is not one of ours", () => {
    const first = checkoutNonce();
    expect(checkoutNonce(first.nonce)).toEqual(first);
    expect(checkoutNonce("forged").nonce).not.toBe("forged");
    expect(checkoutNonce("forged").nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
