import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { giftKey, signGiftToken, unverifiedArticleId, verifyGiftToken, type GiftClaim } from "./gift-token";

const key = giftKey("a-test-secret-that-is-long-enough-000");
const claim: GiftClaim = {
  giftId: "0b7c8a3e-1d2f-4a5b-9c6d-7e8f9a0b1c2d",
  articleId: "5f0e4c2a-9b8d-4e7f-a1b2-c3d4e5f60718",
};

/** The token with the character at `index` replaced by another of the alphabet. */
function withCharacterChanged(token: string, index: number): string {
  const replacement = token[index] === "A" ? "B" : "A";
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

describe("gift tokens", () => {
  it("read back the gift and the article they were signed for", () => {
    const token = signGiftToken(key, claim);
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(verifyGiftToken(key, token)).toEqual(claim);
  });

  it("are the same token each time for one gift", () => {
    expect(signGiftToken(key, claim)).toBe(signGiftToken(key, claim));
  });

  it("read as none when any character was changed", () => {
    const token = signGiftToken(key, claim);
    for (let index = 0; index < token.length; index++) {
      expect(verifyGiftToken(key, withCharacterChanged(token, index)), `character ${index}`).toBeNull();
    }
  });

  it("cannot be moved to another article or gift without the key", () => {
    const token = Buffer.from(signGiftToken(key, claim), "base64url");
    const otherArticle = Buffer.from(token);
    otherArticle.set(Buffer.from("6f0e4c2a9b8d4e7fa1b2c3d4e5f60718", "hex"), 17);
    const otherGift = Buffer.from(token);
    otherGift.set(Buffer.from("1b7c8a3e1d2f4a5b9c6d7e8f9a0b1c2d", "hex"), 1);
    expect(verifyGiftToken(key, otherArticle.toString("base64url"))).toBeNull();
    expect(verifyGiftToken(key, otherGift.toString("base64url"))).toBeNull();
  });

  it("signed with another key read as none", () => {
    const other = signGiftToken(giftKey("another-secret-that-is-long-enough-0"), claim);
    expect(verifyGiftToken(key, other)).toBeNull();
  });

  it("of any other shape read as none, without throwing", () => {
    const token = signGiftToken(key, claim);
    const shapes: unknown[] = [
      undefined,
      null,
      "",
      "garbage",
      "%00",
      "\u0000".repeat(64),
      "é".repeat(64),
      "🎁".repeat(32),
      "a".repeat(10_000),
      `${token}A`,
      token.slice(0, -1),
      token.replace(/./, "."),
      [token],
      { token },
      64,
    ];
    for (const shape of shapes) expect(verifyGiftToken(key, shape)).toBeNull();
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => verifyGiftToken(key, text) === null));
  });

  it("name their article, unverified, for the preview of an altered link", () => {
    const token = signGiftToken(key, claim);
    expect(unverifiedArticleId(withCharacterChanged(token, 60))).toBe(claim.articleId);
    for (const shape of [undefined, "", "garbage", "a".repeat(10_000), `${token}A`]) {
      expect(unverifiedArticleId(shape)).toBeNull();
    }
  });

  it("refuse to sign what is not a pair of UUIDs", () => {
    expect(() => signGiftToken(key, { ...claim, articleId: "not-a-uuid" })).toThrow();
  });
});
