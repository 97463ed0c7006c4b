// Why a gift link does not open, when it does not: the one rule, used when a
// browser follows the link (open-gift.ts), when the article page checks it
// (gift-for-page.ts) and when an image of the article is asked for
// (gifted-image.ts). Pure, so it is tested as a table (gift-refusal.test.ts).

/** What the gift's row says (table gift_links) and how many browsers it opened in. */
export type GiftRow = {
  expiresAt: Date;
  revokedAt: Date | null;
  maxBrowsers: number;
  browsers: number;
};

/**
 * - `invalid`: not a token this site signed, or its gift no longer exists
 *   (its sender deleted their account) or its article is not published;
 * - `other-article`: a real token, on the page of another article;
 * - `revoked`: the sender revoked it; `expired`: its days are over;
 * - `full`: it opened in as many browsers as it may, and this is another one;
 * - `not-opened`: it may still open here, but this browser has not followed
 *   the link (the article page's address was copied, or cookies were cleared).
 */
export type GiftRefusal = "invalid" | "other-article" | RowRefusal;

/** The refusals the gift's row decides (the others come from the token). */
export type RowRefusal = "revoked" | "expired" | "full" | "not-opened";

function ended(gift: Pick<GiftRow, "expiresAt" | "revokedAt">, now: Date): "revoked" | "expired" | null {
  if (gift.revokedAt !== null) return "revoked";
  return gift.expiresAt.getTime() <= now.getTime() ? "expired" : null;
}

/** Whether the gift opens for a browser that opened it before (`openedHere`) or a new one; null: it opens. */
export function giftRefusal(gift: GiftRow, openedHere: boolean, now: Date): RowRefusal | null {
  const end = ended(gift, now);
  if (end) return end;
  if (openedHere) return null;
  return gift.browsers >= gift.maxBrowsers ? "full" : "not-opened";
}

/** Whether the gift still opens for the browsers it opened in. */
export function giftIsLive(gift: Pick<GiftRow, "expiresAt" | "revokedAt">, now: Date): boolean {
  return ended(gift, now) === null;
}
