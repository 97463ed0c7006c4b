// "Gift this article": a subscriber makes a link to one gated article, within
// GIFTS_PER_MONTH links a calendar month (in PUBLICATION_TIMEZONE, the
// meter's month). Making one is one short transaction that locks the
// sender's users row first, as spending a free article does
// (lib/access/reader-meter.ts): parallel requests by one sender run one
// after another, and each counts the links the ones before it committed, so
// twenty parallel clicks with one link left make exactly one.
import type { AccessDecision } from "@/lib/access/decide-access";
import { accessForArticle } from "@/lib/access/article-access";
import type { Reader } from "@/lib/auth/get-reader";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { countEvent } from "@/lib/insights/count-event";
import { GIFT_METRICS } from "@/lib/insights/insight-metrics";
import { giftToken } from "./gift-links";
import { giftMonth } from "./gift-month";

const DAY_MS = 24 * 60 * 60 * 1000;
// A second click on the button (a double click, a form sent again) within
// this time gets the link the first made instead of spending another.
const REPEAT_WINDOW_MS = 30_000;

/**
 * Who may send a gift: a reader who reads the article through their own
 * subscription or an admin's complimentary access. An organisation's
 * members read through a licence their institution bought for them, and a
 * browser admitted by its address has no account to count gifts against:
 * neither sends gifts (docs/gifts.md). Only a gated article has anything to give.
 */
export function mayGift(decision: AccessDecision, article: { free: boolean; hasGatedPart: boolean }): boolean {
  return (
    env().GIFTS_PER_MONTH > 0 &&
    !article.free &&
    article.hasGatedPart &&
    (decision.reason === "subscriber" || decision.reason === "comp")
  );
}

export type SentGift = { giftId: string; token: string; expiresAt: Date; maxBrowsers: number };

export type SendResult =
  | ({ kind: "sent"; remaining: number; limit: number } & SentGift)
  /** The month's links are all made; more on `resetsAt`. */
  | { kind: "limit"; limit: number; resetsAt: Date }
  /** Not a gated article the reader reads by subscription or comp (or no such article, or no account). */
  | { kind: "not-allowed" };

export async function sendGift(sender: Reader, slug: string, now = new Date()): Promise<SendResult> {
  const article = await db().article.findFirst({
    where: { slug, status: "published", publishedAt: { lte: now } },
    select: { id: true, free: true, hasGatedPart: true },
  });
  if (!article) return { kind: "not-allowed" };
  const { decision } = await accessForArticle(sender, article, now);
  if (!mayGift(decision, article)) return { kind: "not-allowed" };
  const { GIFTS_PER_MONTH: limit, GIFT_DAYS, GIFT_MAX_BROWSERS } = env();
  const { since, resetsAt } = giftMonth(now);
  return db().$transaction(async (tx) => {
    const senders = await tx.$queryRaw<unknown[]>`SELECT 1 FROM users WHERE id = ${sender.id}::uuid FOR UPDATE`;
    if (senders.length === 0) return { kind: "not-allowed" } as const;
    // A statement of its own, after the lock: it sees what the requests before committed.
    const sent = await tx.giftLink.findMany({
      where: { senderId: sender.id, createdAt: { gte: since } },
      select: { id: true, articleId: true, createdAt: true, expiresAt: true, maxBrowsers: true, revokedAt: true },
      orderBy: { createdAt: "desc" },
    });
    const made = (gift: (typeof sent)[number]) => ({
      giftId: gift.id,
      token: giftToken({ giftId: gift.id, articleId: article.id }),
      expiresAt: gift.expiresAt,
      maxBrowsers: gift.maxBrowsers,
    });
    const repeat = sent.find(
      (gift) =>
        gift.articleId === article.id &&
        gift.revokedAt === null &&
        now.getTime() - gift.createdAt.getTime() < REPEAT_WINDOW_MS,
    );
    if (repeat) return { kind: "sent", ...made(repeat), remaining: Math.max(0, limit - sent.length), limit } as const;
    if (sent.length >= limit) return { kind: "limit", limit, resetsAt } as const;
    const gift = await tx.giftLink.create({
      data: {
        senderId: sender.id,
        articleId: article.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + GIFT_DAYS * DAY_MS),
        maxBrowsers: GIFT_MAX_BROWSERS,
      },
      select: { id: true, articleId: true, createdAt: true, expiresAt: true, maxBrowsers: true, revokedAt: true },
    });
    await countEvent(tx, GIFT_METRICS.sent, article.id, now);
    return { kind: "sent", ...made(gift), remaining: limit - sent.length - 1, limit } as const;
  });
}
