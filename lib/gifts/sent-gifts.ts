// A sender's gifts, for their account page and for the article page right
// after "Gift this article": each with its article, when it was sent and
// until when it opens, in how many browsers it opened and how often, and its
// link while it is live. And revoking one, which only its sender may do;
// every browser it opened in reads the preview from then on.
import { env } from "@/lib/config/env";
import { db, Prisma } from "@/lib/db/prisma";
import { giftLinkUrl, giftToken } from "./gift-links";
import { giftMonth } from "./gift-month";
import { giftIsLive } from "./gift-refusal";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account page lists this many, newest first. */
const LISTED = 50;

export type SentGift = {
  id: string;
  article: { slug: string; title: string };
  sentAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  maxBrowsers: number;
  /** Distinct browsers it opened in. */
  browsers: number;
  /** Every time one of them followed the link. */
  opens: number;
  /** The link to send, while the gift is live; null once it expired or was withdrawn. */
  url: string | null;
};

/** This month's count against GIFTS_PER_MONTH, and when it starts again. */
export type GiftAllowance = { sentThisMonth: number; limit: number; resetsAt: Date };

type Row = Omit<SentGift, "article" | "url"> & { articleId: string; slug: string; title: string };

async function sentGifts(senderId: string, only: string | null, now: Date): Promise<SentGift[]> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT g.id::text, g.article_id::text AS "articleId", a.slug, a.title, g.created_at AS "sentAt",
           g.expires_at AS "expiresAt", g.revoked_at AS "revokedAt", g.max_browsers AS "maxBrowsers",
           count(o.browser_id)::int AS browsers, coalesce(sum(o.opens), 0)::int AS opens
    FROM gift_links g JOIN articles a ON a.id = g.article_id LEFT JOIN gift_opens o ON o.gift_id = g.id
    WHERE g.sender_id = ${senderId}::uuid ${only === null ? Prisma.empty : Prisma.sql`AND g.id = ${only}::uuid`}
    GROUP BY g.id, a.id
    ORDER BY g.created_at DESC, g.id
    LIMIT ${LISTED}`;
  return rows.map(({ articleId, slug, title, ...gift }) => ({
    ...gift,
    article: { slug, title },
    url: giftIsLive(gift, now) ? giftLinkUrl(giftToken({ giftId: gift.id, articleId })) : null,
  }));
}

export async function giftAllowance(senderId: string, now = new Date()): Promise<GiftAllowance> {
  const { since, resetsAt } = giftMonth(now);
  const sentThisMonth = await db().giftLink.count({ where: { senderId, createdAt: { gte: since } } });
  return { sentThisMonth, limit: env().GIFTS_PER_MONTH, resetsAt };
}

/** The sender's latest gifts, newest first. */
export function listSentGifts(senderId: string, now = new Date()): Promise<SentGift[]> {
  return sentGifts(senderId, null, now);
}

/** The sender's gift `giftId`, or null when it is not theirs (or not a gift id at all). */
export async function findSentGift(senderId: string, giftId: unknown, now = new Date()): Promise<SentGift | null> {
  if (typeof giftId !== "string" || !UUID.test(giftId)) return null;
  return (await sentGifts(senderId, giftId, now))[0] ?? null;
}

/** Revokes the sender's gift `giftId`; false when it is not theirs or was revoked before. */
export async function revokeGift(senderId: string, giftId: unknown, now = new Date()): Promise<boolean> {
  if (typeof giftId !== "string" || !UUID.test(giftId)) return false;
  const { count } = await db().giftLink.updateMany({
    where: { id: giftId, senderId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}
