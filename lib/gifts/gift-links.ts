// Gift tokens with this site's key, and the addresses they go in. The key is
// derived from AUTH_SECRET once per process (and again if it changes).
import { env, publicUrl } from "@/lib/config/env";
import { giftKey, signGiftToken, verifyGiftToken, type GiftClaim } from "./gift-token";

export { unverifiedArticleId } from "./gift-token";

let derived: { secret: string; key: Buffer } | undefined;

function appKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start Folio with `npm start`, which generates one");
  if (derived?.secret !== secret) derived = { secret, key: giftKey(secret) };
  return derived.key;
}

export function giftToken(claim: GiftClaim): string {
  return signGiftToken(appKey(), claim);
}

/** What a token from a request names, or null: any value at all may arrive here. */
export function readGiftToken(token: unknown): GiftClaim | null {
  return verifyGiftToken(appKey(), token);
}

/** The address a sender copies: it records the open, then shows the article (app/gift/[token]/route.ts). */
export function giftLinkUrl(token: string): string {
  return `${publicUrl()}/gift/${token}`;
}

/**
 * The query parameters of the article page that concern gifts: the
 * recipient's token, and what the sender's "Gift this article" came to.
 * A page with any of them is for one browser only (declarePrivatePage), and
 * the web server's page cache never answers or keeps such an address.
 */
export const GIFT_PARAMS = { token: "gift", sent: "gift-sent", refused: "gift-refused" } as const;

/** The article page's address for a gift's recipient. */
export function giftedArticlePath(slug: string, token: string): string {
  return `/articles/${slug}?${GIFT_PARAMS.token}=${token}`;
}

/** Whether a page's query (as Next.js hands it to the page) has any of GIFT_PARAMS, whatever their values. */
export function hasGiftParams(query: Record<string, unknown>): boolean {
  return Object.values(GIFT_PARAMS).some((name) => query[name] !== undefined);
}

/** Whether a request's address (path and query) carries any of GIFT_PARAMS. */
export function carriesGiftParams(url: string): boolean {
  const query = url.indexOf("?");
  if (query === -1) return false;
  const params = new URLSearchParams(url.slice(query + 1));
  return Object.values(GIFT_PARAMS).some((name) => params.has(name));
}
