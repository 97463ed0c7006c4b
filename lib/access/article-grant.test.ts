import { describe, expect, it } from "vitest";
import { grantKey, signGrant, verifyGrant, type ArticleGrant } from "./article-grant";

const key = grantKey("a-test-secret-that-is-long-enough-000");
const now = new Date("2026-12-05T12:00:00Z");
const grant: ArticleGrant = {
  articleId: "0b7c8a3e-1d2f-4a5b-9c6d-7e8f9a0b1c2d",
  email: "reader@example.org",
  expiresAt: new Date("2026-12-12T12:00:00Z"),
};

describe("article grants", () => {
  it("reads back what was signed", () => {
    expect(verifyGrant(key, signGrant(key, grant), now)).toEqual(grant);
  });

  it("reads a forged, altered, expired or garbled grant as none", () => {
    const signed = signGrant(key, grant);
    const [version, , email, expires, signature] = signed.split(".");
    const otherArticle = [version, "1b7c8a3e-1d2f-4a5b-9c6d-7e8f9a0b1c2d", email, expires, signature].join(".");
    const later = [version, grant.articleId, email, "zzzzzz", signature].join(".");
    const otherKey = signGrant(grantKey("another-secret-that-is-long-enough-0"), grant);
    for (const value of [otherArticle, later, otherKey, "", "garbage", "g1....", `${signed}x`, "a".repeat(5000)]) {
      expect(verifyGrant(key, value, now)).toBeNull();
    }
    expect(verifyGrant(key, undefined, now)).toBeNull();
    expect(verifyGrant(key, signed, grant.expiresAt)).toBeNull();
  });
});
