// The instant-access grant: what lets a browser read one article whose reader
// gave an address but has not confirmed it yet. It is not a session: it names
// one article and the address typed (so the page can offer the code field for
// it), carries its expiry, and is signed with a key derived from AUTH_SECRET
// (HMAC-SHA-256). It lives in an HttpOnly cookie (lib/access/current-grant.ts);
// a forged, altered, expired or garbled grant reads as no grant at all.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

export type ArticleGrant = { articleId: string; email: string; expiresAt: Date };

const VERSION = "g1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Longer than any real grant: an address is at most 254 characters. */
const MAX_LENGTH = 600;

const GRANT_COOKIE = "folio-grant";

/** The grant's cookie: `__Host-` prefixed over https, as the session's is. */
export const grantCookieName = (secure: boolean) => (secure ? `__Host-${GRANT_COOKIE}` : GRANT_COOKIE);

/** A key of its own for grants, so no other use of AUTH_SECRET can forge one. */
export function grantKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "folio", "instant access grant v1", 32));
}

function mac(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest().subarray(0, 16).toString("base64url");
}

export function signGrant(key: Buffer, grant: ArticleGrant): string {
  const email = Buffer.from(grant.email).toString("base64url");
  const expires = Math.floor(grant.expiresAt.getTime() / 1000).toString(36);
  const payload = `${VERSION}.${grant.articleId}.${email}.${expires}`;
  return `${payload}.${mac(key, payload)}`;
}

/** The grant a cookie value carries, or null for anything else. */
export function verifyGrant(key: Buffer, value: string | undefined, now: Date): ArticleGrant | null {
  if (!value || value.length > MAX_LENGTH) return null;
  const parts = value.split(".");
  if (parts.length !== 5) return null;
  const [version, articleId, email, expires, signature] = parts as [string, string, string, string, string];
  if (version !== VERSION || !UUID.test(articleId) || !/^[0-9a-z]{1,10}$/.test(expires)) return null;
  const expected = Buffer.from(mac(key, parts.slice(0, 4).join(".")));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = new Date(parseInt(expires, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { articleId, email: Buffer.from(email, "base64url").toString(), expiresAt };
}
