// Counts one funnel event inside the transaction that makes it: a
// registration, an unlock, a checkout, a subscription. The count and the event
// commit or roll back together, so the roll-up never disagrees with what
// happened. (Page views are many and cost the reader nothing: they are kept
// in memory and added in batches, insight-counter.ts.)
import { calendarDayOf } from "@/lib/calendar/calendar-day";
import { env } from "@/lib/config/env";
import { db, type Prisma } from "@/lib/db/prisma";
import { NO_ARTICLE } from "./insight-metrics";

type Client = Pick<Prisma.TransactionClient, "$executeRaw">;

export async function countEvent(
  client: Client,
  metric: string,
  articleId: string | null,
  now = new Date(),
): Promise<void> {
  const day = calendarDayOf(now, env().PUBLICATION_TIMEZONE);
  await client.$executeRaw`
    INSERT INTO insight_counts (day, metric, article_id, count)
    VALUES (${day}::date, ${metric}, ${articleId ?? NO_ARTICLE}::uuid, 1)
    ON CONFLICT (day, metric, article_id) DO UPDATE SET count = insight_counts.count + 1`;
}

/** For an event that has no transaction of its own (a checkout session opened at Stripe). */
export function countEventNow(metric: string, articleId: string | null, now = new Date()): Promise<void> {
  return countEvent(db(), metric, articleId, now);
}
