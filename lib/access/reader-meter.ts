// The metered free tier in PostgreSQL: which articles a reader unlocked, and
// spending one of the month's free articles as one atomic transaction.
//
// A month's count is the reader's quota unlocks of the month (registration
// gifts are outside it) plus what an account deleted this month under the
// same address had used (departed_meters): leaving and signing up again
// gives no new free articles.
import { env } from "@/lib/config/env";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/prisma";
import { meterKey } from "./meter-key";
import { meterPeriod } from "./meter-period";

/** Whose meter: the account, and its address (for a departed account's count). */
export type MeterOwner = { id: string; email: string };

export type MeterSummary = { used: number; limit: number; remaining: number; resetsAt: Date };

export type SpendResult =
  /** The account was deleted while the request ran (its session read before): nothing to spend on. */
  | { kind: "no-account" }
  | { kind: "unlocked"; meter: MeterSummary }
  | { kind: "already-unlocked"; meter: MeterSummary }
  | { kind: "quota-exhausted"; meter: MeterSummary };

/** The meter as readers see it, from the month's count. */
export function meterSummary(used: number, resetsAt: Date): MeterSummary {
  const limit = env().FREE_ARTICLES_PER_MONTH;
  return { used, limit, remaining: Math.max(0, limit - used), resetsAt };
}

export async function readMeter(owner: MeterOwner, now = new Date()): Promise<MeterSummary> {
  return (await readMeterAndUnlocks(owner, [], now)).meter;
}

/**
 * The meter and which of `articleIds` the reader unlocked (in any month), in
 * one round trip: an article page asks both on every signed-in request. A
 * reader's unlocks are few (the quota a month), so all of them are scanned.
 */
export async function readMeterAndUnlocks(
  owner: MeterOwner,
  articleIds: string[],
  now = new Date(),
): Promise<{ meter: MeterSummary; unlocked: Set<string> }> {
  const { period, resetsAt } = meterPeriod(now, env().PUBLICATION_TIMEZONE);
  const rows = await db().$queryRaw<{ used: number; unlocked: string[] }[]>`
    SELECT count(*) FILTER (WHERE period = ${period} AND kind = 'quota')::int
             + coalesce((SELECT used FROM departed_meters WHERE email_key = ${meterKey(owner.email)} AND period = ${period}), 0)
             AS used,
           coalesce(array_agg(article_id::text) FILTER (WHERE article_id = ANY(${articleIds}::uuid[])), '{}') AS unlocked
    FROM article_unlocks
    WHERE user_id = ${owner.id}::uuid`;
  const row = rows[0] ?? { used: 0, unlocked: [] };
  return { meter: meterSummary(row.used, resetsAt), unlocked: new Set(row.unlocked) };
}

/** This month's count as the meter reads it, inside a transaction that holds the reader's row. */
async function usedInTransaction(tx: Prisma.TransactionClient, owner: MeterOwner, period: string): Promise<number> {
  const [quota, departed] = await Promise.all([
    tx.articleUnlock.count({ where: { userId: owner.id, period, kind: "quota" } }),
    tx.departedMeter.findUnique({ where: { emailKey_period: { emailKey: meterKey(owner.email), period } } }),
  ]);
  return quota + (departed?.used ?? 0);
}

/**
 * Spends one of this month's free articles on `articleId`. The reader's row
 * is locked first, so parallel requests by one reader run one after another
 * and see each other's unlocks: ten clicks with one left spend exactly one.
 * The month is fixed once, from `now`, so an unlock belongs to one month only.
 */
export async function spendUnlock(owner: MeterOwner, articleId: string, now = new Date()): Promise<SpendResult> {
  const { period, resetsAt } = meterPeriod(now, env().PUBLICATION_TIMEZONE);
  const limit = env().FREE_ARTICLES_PER_MONTH;
  const userId = owner.id;
  return db().$transaction(async (tx) => {
    const owners = await tx.$queryRaw<unknown[]>`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    if (owners.length === 0) return { kind: "no-account" } as const;
    const used = await usedInTransaction(tx, owner, period);
    const existing = await tx.articleUnlock.findUnique({ where: { userId_articleId: { userId, articleId } } });
    if (existing) return { kind: "already-unlocked", meter: meterSummary(used, resetsAt) } as const;
    if (used >= limit) return { kind: "quota-exhausted", meter: meterSummary(used, resetsAt) } as const;
    await tx.articleUnlock.create({ data: { userId, articleId, period, createdAt: now } });
    return { kind: "unlocked", meter: meterSummary(used + 1, resetsAt) } as const;
  });
}

export type UnlockedArticle = { slug: string; title: string; unlockedAt: Date };

export async function listUnlockedArticles(userId: string): Promise<UnlockedArticle[]> {
  const rows = await db().articleUnlock.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, article: { select: { slug: true, title: true } } },
  });
  return rows.map((row) => ({ slug: row.article.slug, title: row.article.title, unlockedAt: row.createdAt }));
}
