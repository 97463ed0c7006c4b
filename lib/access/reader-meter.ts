// The metered free tier in PostgreSQL: which articles a reader unlocked, and
// spending one of the month's free articles as one short transaction.
//
// A month's count is the reader's quota unlocks of the month (registration
// gifts are outside it) plus what an account deleted this month under the
// same address had used (departed_meters): leaving and signing up again
// gives no new free articles.
import { env } from "@/lib/config/env";
import { db, Prisma } from "@/lib/db/prisma";
import { countEvent } from "@/lib/insights/count-event";
import { EVENT_METRICS } from "@/lib/insights/insight-metrics";
import type { OrganisationForAccess, SubscriptionForAccess } from "./decide-access";
import { meterKey } from "./meter-key";
import { meterPeriod } from "./meter-period";
import { memberOrganisationsJson, organisationsFromJson } from "./organisation-membership";

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

/** This month's count as SQL, for the unlock's statements: the quota unlocks of `period` plus a departed account's. */
function usedThisMonth(owner: MeterOwner, period: string): Prisma.Sql {
  return Prisma.sql`(
    (SELECT count(*) FROM article_unlocks WHERE user_id = ${owner.id}::uuid AND period = ${period} AND kind = 'quota')
    + coalesce((SELECT used FROM departed_meters WHERE email_key = ${meterKey(owner.email)} AND period = ${period}), 0)
  )::int`;
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

/** What unlocking an article needs to know, read in one statement (lib/access/unlock-article.ts). */
export type UnlockFacts = {
  article: { id: string; free: boolean };
  /** False when the account was deleted after its session was read. */
  accountExists: boolean;
  subscriptions: SubscriptionForAccess[];
  compUntil: Date | null;
  /** Organisations the reader belongs to (seat or confirmed domain) that have not ended. */
  organisations: OrganisationForAccess[];
  /** The reader unlocked this article before (any month, a registration gift too). */
  unlockedThisArticle: boolean;
  meter: MeterSummary;
};

type FactsRow = {
  articleId: string;
  free: boolean;
  accountExists: boolean;
  compUntil: Date | null;
  subscriptions: { status: string; currentPeriodEnd: string; pastDueSince: string | null; endedAt: string | null }[];
  organisations: { startsAt: string; endsAt: string }[];
  unlocked: boolean;
  used: number;
};

const date = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The published article at `slug` with everything the access decision needs
 * about the reader and it: subscriptions, comp, an earlier unlock, this
 * month's count. One round trip; null when no article is visible there. Read
 * without a lock: spending re-checks under the reader's lock (spendUnlock).
 */
export async function readUnlockFacts(owner: MeterOwner, slug: string, now = new Date()): Promise<UnlockFacts | null> {
  const { period, resetsAt } = meterPeriod(now, env().PUBLICATION_TIMEZONE);
  const rows = await db().$queryRaw<FactsRow[]>`
    SELECT a.id::text AS "articleId", a.free, u.id IS NOT NULL AS "accountExists", u.comp_until AS "compUntil",
           coalesce((SELECT json_agg(json_build_object('status', s.status, 'currentPeriodEnd', s.current_period_end,
                                                      'pastDueSince', s.past_due_since, 'endedAt', s.ended_at))
                     FROM subscriptions s WHERE s.user_id = ${owner.id}::uuid), '[]'::json) AS subscriptions,
           ${Prisma.raw(memberOrganisationsJson("now_at.t"))} AS organisations,
           EXISTS (SELECT 1 FROM article_unlocks x WHERE x.user_id = ${owner.id}::uuid AND x.article_id = a.id) AS unlocked,
           ${usedThisMonth(owner, period)} AS used
    FROM articles a LEFT JOIN users u ON u.id = ${owner.id}::uuid, (SELECT ${now}::timestamptz AS t) AS now_at
    WHERE a.slug = ${slug} AND a.status = 'published' AND a.published_at <= ${now}::timestamptz`;
  const row = rows[0];
  if (!row) return null;
  return {
    article: { id: row.articleId, free: row.free },
    accountExists: row.accountExists,
    subscriptions: row.subscriptions.map((subscription) => ({
      status: subscription.status,
      currentPeriodEnd: new Date(subscription.currentPeriodEnd),
      pastDueSince: date(subscription.pastDueSince),
      endedAt: date(subscription.endedAt),
    })),
    compUntil: row.compUntil,
    organisations: organisationsFromJson(row.organisations),
    unlockedThisArticle: row.unlocked,
    meter: meterSummary(row.used, resetsAt),
  };
}

/**
 * Spends one of this month's free articles on `articleId`, in one short
 * transaction of two statements. The first locks the reader's row, so
 * parallel requests by one reader run one after another; the second, a
 * statement of its own and so reading after the lock was granted, sees every
 * unlock those requests committed, and inserts only when the article is not
 * unlocked yet and the month's count is under the limit: ten clicks with one
 * left spend exactly one. The month is fixed once, from `now`, so an unlock
 * belongs to one month only.
 */
export async function spendUnlock(owner: MeterOwner, articleId: string, now = new Date()): Promise<SpendResult> {
  const { period, resetsAt } = meterPeriod(now, env().PUBLICATION_TIMEZONE);
  const limit = env().FREE_ARTICLES_PER_MONTH;
  const userId = owner.id;
  return db().$transaction(async (tx) => {
    const owners = await tx.$queryRaw<unknown[]>`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    if (owners.length === 0) return { kind: "no-account" } as const;
    const [row] = await tx.$queryRaw<{ used: number; existing: boolean; inserted: boolean }[]>`
      WITH facts AS (
        SELECT ${usedThisMonth(owner, period)} AS used,
               EXISTS (SELECT 1 FROM article_unlocks WHERE user_id = ${userId}::uuid AND article_id = ${articleId}::uuid) AS existing
      ),
      inserted AS (
        INSERT INTO article_unlocks (user_id, article_id, period, created_at)
        SELECT ${userId}::uuid, ${articleId}::uuid, ${period}, ${now}::timestamptz FROM facts
        WHERE NOT facts.existing AND facts.used < ${limit}
        ON CONFLICT (user_id, article_id) DO NOTHING
        RETURNING 1
      )
      SELECT facts.used, facts.existing, EXISTS (SELECT 1 FROM inserted) AS inserted FROM facts`;
    const { used, existing, inserted } = row!;
    if (inserted) {
      await countEvent(tx, EVENT_METRICS.unlock, articleId, now);
      return { kind: "unlocked", meter: meterSummary(used + 1, resetsAt) } as const;
    }
    // Not inserted with a quota left: a registration gift of this article
    // was written meanwhile (gifts do not take the reader's lock).
    if (existing || used < limit) return { kind: "already-unlocked", meter: meterSummary(used, resetsAt) } as const;
    return { kind: "quota-exhausted", meter: meterSummary(used, resetsAt) } as const;
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
