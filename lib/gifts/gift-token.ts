// The token in a gift link: which gift, for which article, signed with a key
// derived from AUTH_SECRET (HMAC-SHA-256), so that nobody can make one up or
// move one to another article. It holds no date and no limit: the gift's row
// says until when and in how many browsers it opens, and whether its sender
// withdrew it (gift-refusal.ts). A forged, altered or garbled token reads as
// none at all.
//
// 48 bytes, base64url: a version byte, the gift's and the article's ids (16
// bytes each) and the first 15 bytes of the MAC over those 33. 48 bytes are
// exactly 64 characters with no spare bits, so no two spellings decode to one
// token; and one run of 64 URL-safe characters is what the log redaction
// takes for a secret (lib/observability/redact.ts).
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

export type GiftClaim = { giftId: string; articleId: string };

const VERSION = 1;
const MAC_BYTES = 15;
const TOKEN = /^[A-Za-z0-9_-]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key of its own for gift links, so that no other use of AUTH_SECRET can sign one. */
export function giftKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "folio", "gift link v1", 32));
}

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ""), "hex");

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(key: Buffer, payload: Buffer): Buffer {
  return createHmac("sha256", key).update(payload).digest().subarray(0, MAC_BYTES);
}

export function signGiftToken(key: Buffer, claim: GiftClaim): string {
  const giftId = claim.giftId.toLowerCase();
  const articleId = claim.articleId.toLowerCase();
  if (!UUID.test(giftId) || !UUID.test(articleId)) throw new Error("a gift token names a gift and an article by UUID");
  const payload = Buffer.concat([Buffer.from([VERSION]), uuidBytes(giftId), uuidBytes(articleId)]);
  return Buffer.concat([payload, mac(key, payload)]).toString("base64url");
}

/**
 * The article a token of the right shape names, signed or not: only to show
 * that article's preview, with a sentence saying the link is not valid, when
 * a link was altered (never to open anything).
 */
export function unverifiedArticleId(token: unknown): string | null {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  return bytes[0] === VERSION ? uuidOf(bytes.subarray(17, 33)) : null;
}

/** The gift and article a token names, or null for anything that is not a token this key signed. */
export function verifyGiftToken(key: Buffer, token: unknown): GiftClaim | null {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== 48 || bytes[0] !== VERSION) return null;
  const payload = bytes.subarray(0, 33);
  if (!timingSafeEqual(bytes.subarray(33), mac(key, payload))) return null;
  return { giftId: uuidOf(payload.subarray(1, 17)), articleId: uuidOf(payload.subarray(17, 33)) };
}
