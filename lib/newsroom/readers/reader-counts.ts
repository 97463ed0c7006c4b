// The readers at a glance (admins): how many registered, how many pay and on
// which plan, how many read on comp access, how many joined this week.
import { db, type Prisma } from "@/lib/db/prisma";
import { assertRole, type Actor } from "../actor";
import { paidPlan } from "./reader-plan";

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
type SubscriptionRow = {
  user_id: string;
  plan: string;
  status: string;
  current_period_end: Date;
  past_due_since: Date | null;
  ended_at: Date | null;
};

/**
 * `client` is any Prisma client or transaction: the numbers are read in one
 * pass, and a caller that wants them from one snapshot passes a transaction.
 */
export async function countReaders(actor: Actor, now = new Date(), client: Queryable = db()): Promise<ReaderCounts> {
  assertRole(actor, "admin");
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const [people] = await client.$queryRaw<{ registered: number; comp: number; new_this_week: number }[]>`
    SELECT count(*)::int AS registered,
           (count(*) FILTER (WHERE comp_until > ${now}))::int AS comp,
           (count(*) FILTER (WHERE created_at > ${weekAgo} AND created_at <= ${now}))::int AS new_this_week
    FROM users`;
  // Only subscriptions that could give access are read; which ones do is
  // decided by the access decision's own rule, per person.
  const rows = await client.$queryRaw<SubscriptionRow[]>`
    SELECT user_id::text, plan, status, current_period_end, past_due_since, ended_at FROM subscriptions
    WHERE status IN ('active', 'trialing', 'past_due') OR (status = 'canceled' AND current_period_end > ${now})`;
  const byUser = new Map<string, SubscriptionRow[]>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const subscribers = { total: 0, monthly: 0, annual: 0, otherPlan: 0 };
  for (const subscriptions of byUser.values()) {
    const plan = paidPlan(
      subscriptions.map((row) => ({
        plan: row.plan,
        status: row.status,
        currentPeriodEnd: row.current_period_end,
        pastDueSince: row.past_due_since,
        endedAt: row.ended_at,
      })),
      now,
    );
    if (!plan) continue;
    subscribers.total += 1;
    if (plan === "other-plan") subscribers.otherPlan += 1;
    else subscribers[plan] += 1;
  }
  return { registered: people?.registered ?? 0, subscribers, comp: people?.comp ?? 0, newThisWeek: people?.new_this_week ?? 0 };
}
