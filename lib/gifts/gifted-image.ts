// An image that only an article's gated part shows goes to the browsers
// that may read that part (lib/access/media-access.ts). A gift's recipient
// may: the image request carries no token (the page's address has it, the
// image's does not), so the browser's cookie says which gifts it opened.
import { db } from "@/lib/db/prisma";
import { giftIsLive } from "./gift-refusal";

/** A gated article showing image `key` that a live gift opened in this browser, or null. */
export async function giftedArticleShowing(
  browserId: string | null,
  key: string,
  now = new Date(),
): Promise<string | null> {
  if (browserId === null) return null;
  const rows = await db().$queryRaw<{ articleId: string; expiresAt: Date; revokedAt: Date | null }[]>`
    SELECT g.article_id::text AS "articleId", g.expires_at AS "expiresAt", g.revoked_at AS "revokedAt"
    FROM gift_opens o JOIN gift_links g ON g.id = o.gift_id JOIN articles a ON a.id = g.article_id
    WHERE o.browser_id = ${browserId} AND a.gated_media @> ARRAY[${key}]`;
  return rows.find((row) => giftIsLive(row, now))?.articleId ?? null;
}
