// A browser follows a gift link (app/gift/[token]/route.ts): the open is
// recorded, and the browser may read the article from then on, until the
// gift expires or is withdrawn. One short transaction that locks the gift's
// row first: parallel opens of one gift run one after another, and each
// counts the browsers the ones before it committed, so the gift never opens
// in more than its `max_browsers`, and no open is lost.
import { db } from "@/lib/db/prisma";
import { countEvent } from "@/lib/insights/count-event";
import { GIFT_METRICS } from "@/lib/insights/insight-metrics";
import { readGiftToken, unverifiedArticleId } from "./gift-links";
import { giftRefusal, type RowRefusal } from "./gift-refusal";

export type OpenResult =
  /**
   * Not a token this site signed, a gift that no longer exists, or an article
   * that is not published. `slug`: the published article the token names,
   * signed or not, whose preview says the link is not valid.
   */
  | { kind: "invalid"; slug: string | null }
  /** The sender's own browser: nothing is counted (they read the article anyway). */
  | { kind: "sender"; slug: string }
  /** Recorded: `firstTime` for a browser the gift had not opened in. */
  | { kind: "opened"; slug: string; firstTime: boolean }
  | { kind: "refused"; slug: string; refusal: Exclude<RowRefusal, "not-opened"> };

type GiftFacts = {
  slug: string;
  senderId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  maxBrowsers: number;
};

export async function openGift(
  token: unknown,
  browserId: string,
  readerId: string | null,
  now = new Date(),
): Promise<OpenResult> {
  const claim = readGiftToken(token);
  if (!claim) return { kind: "invalid", slug: await publishedSlug(unverifiedArticleId(token), now) };
  const result = await db().$transaction(async (tx) => {
    const [gift] = await tx.$queryRaw<GiftFacts[]>`
      SELECT a.slug, g.sender_id::text AS "senderId", g.expires_at AS "expiresAt", g.revoked_at AS "revokedAt",
             g.max_browsers AS "maxBrowsers"
      FROM gift_links g JOIN articles a ON a.id = g.article_id
      WHERE g.id = ${claim.giftId}::uuid AND g.article_id = ${claim.articleId}::uuid
        AND a.status = 'published' AND a.published_at <= ${now}::timestamptz
      FOR UPDATE OF g`;
    if (!gift) return null;
    if (readerId === gift.senderId) return { kind: "sender", slug: gift.slug } as const;
    // A statement of its own, after the lock: it sees every open committed before.
    const [opens] = await tx.$queryRaw<{ browsers: number; openedHere: boolean }[]>`
      SELECT count(*)::int AS browsers, coalesce(bool_or(browser_id = ${browserId}), false) AS "openedHere"
      FROM gift_opens WHERE gift_id = ${claim.giftId}::uuid`;
    const refusal = giftRefusal({ ...gift, browsers: opens!.browsers }, opens!.openedHere, now);
    if (refusal === null) {
      await tx.$executeRaw`
        UPDATE gift_opens SET opens = opens + 1, last_opened_at = ${now}::timestamptz
        WHERE gift_id = ${claim.giftId}::uuid AND browser_id = ${browserId}`;
      return { kind: "opened", slug: gift.slug, firstTime: false } as const;
    }
    if (refusal !== "not-opened") return { kind: "refused", slug: gift.slug, refusal } as const;
    await tx.$executeRaw`
      INSERT INTO gift_opens (gift_id, browser_id, opens, first_opened_at, last_opened_at)
      VALUES (${claim.giftId}::uuid, ${browserId}, 1, ${now}::timestamptz, ${now}::timestamptz)`;
    await countEvent(tx, GIFT_METRICS.open, claim.articleId, now);
    return { kind: "opened", slug: gift.slug, firstTime: true } as const;
  });
  return result ?? { kind: "invalid", slug: await publishedSlug(claim.articleId, now) };
}

async function publishedSlug(articleId: string | null, now: Date): Promise<string | null> {
  if (articleId === null) return null;
  const article = await db().article.findFirst({
    where: { id: articleId, status: "published", publishedAt: { lte: now } },
    select: { slug: true },
  });
  return article?.slug ?? null;
}
