// The readers at a glance (admins): how many registered, how many pay and on
// which plan, how many read on comp access, how many joined this week.
import { db, Prisma } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { planKeyFor } from "@/lib/billing/plans";
import { env } from "@/lib/config/env";

export type ReaderCounts = {
  registered: number;
  /** People with a paid subscription that gives access now, by plan. */
  subscribers: { total: number; monthly: number; annual: number; otherPlan: number };
  /** People whose complimentary All-Access runs now (paying or not). */
  comp: number;
  /** Accounts created in the last seven days. */
  newThisWeek: number;
};

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

type Queryable = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * `client` is any Prisma client or transaction: the numbers are read in one
 * pass, and a caller that wants them from one snapshot passes a transaction.
 */
/**
 * Who pays now, one row per reader (user_id, plan of their latest paying
 * subscription): the access decision's rule (subscriptionGrantsAccess)
 * written as SQL, so that a hundred thousand subscribers are counted without
 * being loaded. The counts test holds the two to the same cases.
 */
export function payingNow(now: Date): Prisma.Sql {
  const graceDays = env().SUBSCRIPTION_GRACE_DAYS;
  return Prisma.sql`
    SELECT DISTINCT ON (user_id) user_id, plan FROM subscriptions
    WHERE status IN ('active', 'trialing')
       OR (status = 'past_due' AND ${now} < COALESCE(past_due_since, ${now}) + make_interval(days => ${graceDays}::int))
       OR (status = 'canceled' AND ${now} < current_period_end AND (ended_at IS NULL OR ended_at < current_period_end))
    ORDER BY user_id, current_period_end DESC`;
}

export async function countReaders(actor: Actor, now = new Date(), client: Queryable = db()): Promise<ReaderCounts> {
  assertRole(actor, "admin");
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const [people] = await client.$queryRaw<{ registered: number; comp: number; new_this_week: number }[]>`
    SELECT count(*)::int AS registered,
           (count(*) FILTER (WHERE comp_until > ${now}))::int AS comp,
           (count(*) FILTER (WHERE created_at > ${weekAgo} AND created_at <= ${now}))::int AS new_this_week
    FROM users`;
  // Who pays now, by the plan of their latest paying subscription.
  const plans = await client.$queryRaw<{ plan: string; people: number }[]>`
    WITH paying AS (${payingNow(now)})
    SELECT plan, count(*)::int AS people FROM paying GROUP BY plan`;
  const subscribers = { total: 0, monthly: 0, annual: 0, otherPlan: 0 };
  for (const { plan, people } of plans) {
    const key = planKeyFor(plan);
    subscribers.total += people;
    if (key) subscribers[key] += people;
    else subscribers.otherPlan += people;
  }
  return {
    registered: people?.registered ?? 0,
    subscribers,
    comp: people?.comp ?? 0,
    newThisWeek: people?.new_this_week ?? 0,
  };
}
