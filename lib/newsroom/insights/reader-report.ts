// Readers for a period: accounts in all at the end of each bucket and new in
// it, and, for the meter's current month, how many readers on the free tier
// spent at least one of their free articles and how many spent them all.
import { meterPeriod } from "@/lib/access/meter-period";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { addDays, startOfDay } from "@/lib/calendar/calendar-day";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { payingNow } from "@/lib/newsroom/readers/reader-counts";
import { bucketIndex } from "./daily-counts";
import type { InsightsPeriod } from "./insights-period";

export type ReaderReport = {
  /** Accounts that existed at the end of each bucket. */
  registered: number[];
  /** Accounts created in each bucket. */
  registrations: number[];
  thisMonth: {
    /** "2026-12". */
    month: string;
    /** Registered readers with no paid subscription or comp access now. */
    freeReaders: number;
    unlockedAny: number;
    usedAll: number;
    limit: number;
  };
};

export async function readerReport(actor: Actor, period: InsightsPeriod, now = new Date()): Promise<ReaderReport> {
  assertRole(actor, "editor");
  const timeZone = env().PUBLICATION_TIMEZONE;
  const from = startOfDay(period.from, timeZone);
  const until = startOfDay(addDays(period.to, 1), timeZone);
  const [before] = await db().$queryRaw<{ people: number }[]>`
    SELECT count(*)::int AS people FROM users WHERE created_at < ${from}`;
  const days = await db().$queryRaw<{ day: string; people: number }[]>`
    SELECT (created_at AT TIME ZONE ${timeZone})::date::text AS day, count(*)::int AS people FROM users
    WHERE created_at >= ${from} AND created_at < ${until} GROUP BY 1`;
  const registrations = period.buckets.map(() => 0);
  for (const row of days) {
    const index = bucketIndex(period.buckets, row.day);
    if (index !== -1) registrations[index]! += row.people;
  }
  let running = before?.people ?? 0;
  const registered = registrations.map((created) => (running += created));

  const { period: month } = meterPeriod(now, timeZone);
  const limit = env().FREE_ARTICLES_PER_MONTH;
  const [meter] = await db().$queryRaw<{ free_readers: number; unlocked_any: number; used_all: number }[]>`
    WITH paying AS (${payingNow(now)}),
         free_readers AS (
           SELECT id FROM users
           WHERE (comp_until IS NULL OR comp_until <= ${now}) AND id NOT IN (SELECT user_id FROM paying)),
         spent AS (
           SELECT user_id, count(*) AS used FROM article_unlocks
           WHERE period = ${month} AND kind = 'quota' AND user_id IN (SELECT id FROM free_readers)
           GROUP BY user_id)
    SELECT (SELECT count(*) FROM free_readers)::int AS free_readers,
           (SELECT count(*) FROM spent)::int AS unlocked_any,
           (SELECT count(*) FROM spent WHERE used >= ${limit})::int AS used_all`;
  return {
    registered,
    registrations,
    thisMonth: {
      month,
      freeReaders: meter?.free_readers ?? 0,
      unlockedAny: meter?.unlocked_any ?? 0,
      usedAll: meter?.used_all ?? 0,
      limit,
    },
  };
}
