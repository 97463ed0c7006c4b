// The unsubscribe link in every newsletter: a token that names the reader and
// the newsletter and carries its expiry, signed with a key derived from
// AUTH_SECRET (HMAC-SHA-256). It works without signing in, and only for that
// reader and that newsletter. It is not single-use: using it again finds the
// reader already unsubscribed and says so, which is harmless (the same link
// is in every copy of the email, and mail scanners open links).
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import type { NewsletterKey } from "@/lib/account/newsletter-choices";

const VERSION = "u1";
const CODES: Record<NewsletterKey, string> = { free: "f", daily_review: "d", weekly_review: "w" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Every token's length. */
export const UNSUBSCRIBE_TOKEN_LENGTH = 72;

export type UnsubscribeClaim = { userId: string; newsletter: NewsletterKey; expiresAt: Date };
export type VerifiedToken =
  | ({ ok: true } & UnsubscribeClaim)
  | { ok: false; reason: "malformed" | "bad-signature" | "expired"; newsletter?: NewsletterKey };

/** A key of its own for these tokens, so no other use of AUTH_SECRET can forge one. */
export function unsubscribeKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "folio", "newsletter unsubscribe token v1", 32));
}

function mac(key: Buffer, payload: string): string {
  // 128 bits of the HMAC: ample against forgery, and a shorter link.
  return createHmac("sha256", key).update(payload).digest().subarray(0, 16).toString("base64url");
}

export function signUnsubscribeToken(key: Buffer, claim: UnsubscribeClaim): string {
  // Seven digits, so every token has the same length (72 characters): a
  // newsletter's copies then differ only in bytes that do not move (merge-message.ts).
  const expires = Math.floor(claim.expiresAt.getTime() / 1000)
    .toString(36)
    .padStart(7, "0");
  const payload = `${VERSION}.${claim.userId}.${CODES[claim.newsletter]}.${expires}`;
  return `${payload}.${mac(key, payload)}`;
}

export function verifyUnsubscribeToken(key: Buffer, token: string, now: Date): VerifiedToken {
  if (token.length > 200) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 5) return { ok: false, reason: "malformed" };
  const [version, userId, code, expires, signature] = parts as [string, string, string, string, string];
  const newsletter = (Object.keys(CODES) as NewsletterKey[]).find((key) => CODES[key] === code);
  if (version !== VERSION || !UUID.test(userId) || !newsletter || !/^[0-9a-z]{1,10}$/.test(expires)) {
    return { ok: false, reason: "malformed" };
  }
  const expected = Buffer.from(mac(key, parts.slice(0, 4).join(".")));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad-signature" };
  const expiresAt = new Date(parseInt(expires, 36) * 1000);
  // Checked after the signature, so an expiry is only reported for a real link.
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", newsletter };
  return { ok: true, userId, newsletter, expiresAt };
}

let derived: { secret: string; key: Buffer } | undefined;

function appKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start Folio with `npm start`, which generates one");
  // Derived once: a newsletter signs a token per recipient.
  if (derived?.secret !== secret) derived = { secret, key: unsubscribeKey(secret) };
  return derived.key;
}

/** A token for this reader and newsletter, valid NEWSLETTER_UNSUBSCRIBE_DAYS from `now`. */
export function unsubscribeToken(userId: string, newsletter: NewsletterKey, now = new Date()): string {
  const expiresAt = new Date(now.getTime() + env().NEWSLETTER_UNSUBSCRIBE_DAYS * DAY_MS);
  return signUnsubscribeToken(appKey(), { userId, newsletter, expiresAt });
}

export function readUnsubscribeToken(token: string, now = new Date()): VerifiedToken {
  return verifyUnsubscribeToken(appKey(), token, now);
}

/** The link in the email: a page that asks for confirmation (a GET changes nothing). */
export function unsubscribePagePath(token: string): string {
  return `/unsubscribe/${token}`;
}

/** The List-Unsubscribe address: a POST unsubscribes at once (RFC 8058 one-click). */
export function oneClickUnsubscribePath(token: string): string {
  return `/api/unsubscribe/${token}`;
}
