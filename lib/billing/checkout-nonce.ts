// The proof that a browser coming back from Checkout is the one that started
// it: a random nonce in an HttpOnly cookie, set when checkout starts, whose
// hash goes into the Checkout Session's metadata. A Checkout Session id alone
// is not enough, since it travels in URLs (history, logs, a shared link).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const CHECKOUT_NONCE_COOKIE = "folio-checkout-nonce";
/** The checkout action (posted to /subscribe) and the return route read it; nothing outside /subscribe gets it. */
export const CHECKOUT_NONCE_COOKIE_PATH = "/subscribe";
/** A Checkout Session expires after a day; so does the cookie. */
export const CHECKOUT_NONCE_MAX_AGE_SECONDS = 24 * 60 * 60;

export function hashNonce(nonce: string): string {
  return createHash("sha256").update(nonce).digest("hex");
}

const NONCE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The browser's nonce: the one its cookie holds already, if it looks like one
 * of ours, else a new one. Keeping it makes a double click on "Subscribe"
 * one Checkout Session (the idempotency key names its hash), and leaves the
 * browser's cookie matching whichever of the clicks' answers it acts on.
 */
export function checkoutNonce(fromCookie?: string): { nonce: string; hash: string } {
  const nonce = fromCookie && NONCE.test(fromCookie) ? fromCookie : randomBytes(32).toString("base64url");
  return { nonce, hash: hashNonce(nonce) };
}

export function newCheckoutNonce(): { nonce: string; hash: string } {
  return checkoutNonce();
}

/** Whether `nonce` (from the cookie) is the one whose hash the session holds. */
export function nonceMatches(nonce: string | undefined, expectedHash: string | undefined): boolean {
  if (!nonce || !expectedHash || nonce.length > 200 || !/^[0-9a-f]{64}$/.test(expectedHash)) return false;
  return timingSafeEqual(Buffer.from(hashNonce(nonce), "hex"), Buffer.from(expectedHash, "hex"));
}
