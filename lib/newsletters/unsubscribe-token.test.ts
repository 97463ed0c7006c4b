import { describe, expect, it } from "vitest";
import {
  signUnsubscribeToken,
  UNSUBSCRIBE_TOKEN_LENGTH,
  unsubscribeKey,
  verifyUnsubscribeToken,
} from "./unsubscribe-token";

const key = unsubscribeKey("a-test-secret-that-is-long-enough-0123456789");
const userId = "0b7e3a4c-5d6f-4a1b-8c9d-0e1f2a3b4c5d";
const now = new Date("2026-12-08T07:00:00Z");
const expiresAt = new Date("2027-12-08T07:00:00Z");
const token = signUnsubscribeToken(key, { userId, newsletter: "daily_review", expiresAt });

function replaceAt(text: string, index: number): string {
  const swapped = text[index] === "A" ? "B" : "A";
  return text.slice(0, index) + swapped + text.slice(index + 1);
}

describe("the unsubscribe token", () => {
  it("names the reader, the newsletter and its expiry", () => {
    expect(verifyUnsubscribeToken(key, token, now)).toEqual({
      ok: true,
      userId,
      newsletter: "daily_review",
      expiresAt,
    });
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it("is refused when any part is changed", () => {
    const [version, user, code, expires, signature] = token.split(".") as [string, string, string, string, string];
    const otherUser = "1b7e3a4c-5d6f-4a1b-8c9d-0e1f2a3b4c5d";
    const later = (parseInt(expires, 36) + 86_400 * 365).toString(36);
    for (const tampered of [
      [version, otherUser, code, expires, signature],
      [version, user, "w", expires, signature],
      [version, user, "f", expires, signature],
      [version, user, code, later, signature],
      [version, user, code, expires, replaceAt(signature, 3)],
    ]) {
      expect(verifyUnsubscribeToken(key, tampered.join("."), now)).toMatchObject({
        ok: false,
        reason: "bad-signature",
      });
    }
  });

  it("is refused when signed with another secret", () => {
    const otherKey = unsubscribeKey("another-secret-that-is-long-enough-9876543210");
    const forged = signUnsubscribeToken(otherKey, { userId, newsletter: "daily_review", expiresAt });
    expect(verifyUnsubscribeToken(key, forged, now)).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it.each([
    ["empty", ""],
    ["garbage", "not-a-token"],
    ["too few parts", token.split(".").slice(0, 4).join(".")],
    ["too many parts", `${token}.x`],
    ["unknown version", token.replace(/^u1/, "u9")],
    ["not a user id", token.replace(userId, "someone")],
    ["unknown newsletter", token.replace(".d.", ".x.")],
    ["huge", "u1." + "a".repeat(500)],
  ])("is refused when malformed (%s)", (_label, value) => {
    expect(verifyUnsubscribeToken(key, value, now)).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("expires, and an expired link still says which newsletter it was for", () => {
    const justBefore = new Date(expiresAt.getTime() - 1000);
    expect(verifyUnsubscribeToken(key, token, justBefore).ok).toBe(true);
    expect(verifyUnsubscribeToken(key, token, expiresAt)).toEqual({
      ok: false,
      reason: "expired",
      newsletter: "daily_review",
    });
  });

  it("can be used again (a replay): it still names the same reader and newsletter, and changes nothing by itself", () => {
    const first = verifyUnsubscribeToken(key, token, now);
    const again = verifyUnsubscribeToken(key, token, new Date(now.getTime() + 60_000));
    expect(again).toEqual(first);
  });

  it("always has the same length", () => {
    for (const at of ["1990-01-01T00:00:00Z", "2027-12-08T07:00:00Z", "2400-01-01T00:00:00Z"]) {
      expect(signUnsubscribeToken(key, { userId, newsletter: "free", expiresAt: new Date(at) })).toHaveLength(
        UNSUBSCRIBE_TOKEN_LENGTH,
      );
    }
  });

  it("differs per reader and per newsletter", () => {
    const weekly = signUnsubscribeToken(key, { userId, newsletter: "weekly_review", expiresAt });
    const other = signUnsubscribeToken(key, {
      userId: "1b7e3a4c-5d6f-4a1b-8c9d-0e1f2a3b4c5d",
      newsletter: "daily_review",
      expiresAt,
    });
    expect(new Set([token, weekly, other]).size).toBe(3);
  });
});
