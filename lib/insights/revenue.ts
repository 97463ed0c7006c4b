// Revenue and subscribers for the publisher (docs/insights.md, "Revenue"),
// from Folio's own history of subscriptions (subscription_changes, kept by
// subscription-history.ts as webhooks and the reconciliation sync them from
// Stripe). The definitions, which docs/insights.md repeats for readers:
//
// - Paying: status active or past_due (subscription-status.ts). A renewal
//   that failed is still a subscriber while Stripe retries it and Folio's
//   grace period lasts; Stripe's own MRR counts past_due the same way.
//   trialing is a trial, counted apart and never in MRR; incomplete, unpaid,
//   paused, canceled and incomplete_expired never count.
// - MRR: the sum, over paying subscriptions, of one month of their price
//   (list price × quantity; an annual price counts amount / 12), per
//   currency, in minor units, rounded once to whole minor units at the end.
// - Active: paying subscriptions at the end of a period; by plan, the
//   price's lookup key (its id when it has none).
// - New: a subscription starting to pay within the period: its first
//   change into paying (a trial converting counts then), or paying again
//   after it had churned (an unpaid invoice paid at last), so that active at
//   the end = active at the start + new − churned.
// - Churned: a change from paying to not paying within the period (canceled,
//   unpaid, incomplete_expired). A cancellation at period end keeps paying
//   until Stripe ends the subscription at the period's end: churn is counted
//   then. A trial that ends unconverted is neither new nor churn.
// - Net: new − churned. Churn rate (monthly): churned / active at the
//   month's start, null when none were active.
// - An upgrade or a price change (monthly to annual) changes MRR and is
//   neither new nor churn.
//
// A period is whole calendar days in the publication's time zone, from the
// midnight that starts its first day to the one that ends its last.
import { addDays, parseCalendarDay, startOfDay, type CalendarDay } from "@/lib/calendar/calendar-day";
import { db } from "@/lib/db/prisma";
import { calendarMonths } from "./calendar-months";
import { revenueTimeline, type HistoryRow, type Period, type PeriodTotals } from "./revenue-timeline";

export type RevenueBucket = {
  start: CalendarDay;
  end: CalendarDay;
  /** Per currency, minor units a month, at the end of the bucket. */
  mrr: Record<string, number>;
  active: number;
  activeByPlan: Record<string, number>;
  trialing: number;
  newSubscribers: number;
  churned: number;
  net: number;
};

export type MonthlyChurn = {
  month: string;
  activeAtStart: number;
  newSubscribers: number;
  churned: number;
  net: number;
  churnRate: number | null;
  mrrAtStart: Record<string, number>;
  mrrAtEnd: Record<string, number>;
};

function periodOf(bucket: { start: string; end: string }, timeZone: string): Period {
  const start = parseCalendarDay(bucket.start);
  const end = parseCalendarDay(bucket.end);
  if (!start || !end || end < start) throw new Error(`not a range of days: ${bucket.start} to ${bucket.end}`);
  return { from: startOfDay(start, timeZone), to: startOfDay(addDays(end, 1), timeZone) };
}

/**
 * Every subscription's latest row before `from` and every row from `from` to
 * `to`: what the timeline needs, in one query. Thousands of subscriptions
 * make thousands of rows; DISTINCT ON walks the (subscription_id, at) index.
 */
async function historyRows(from: Date, to: Date): Promise<HistoryRow[]> {
  return db().$queryRaw<HistoryRow[]>`
    SELECT subscription_id AS "subscriptionId", at, status, plan, amount, currency, interval
    FROM (
      SELECT DISTINCT ON (subscription_id) subscription_id, at, status, plan, amount, currency, interval
      FROM subscription_changes
      WHERE at < ${from}::timestamptz
      ORDER BY subscription_id, at DESC
    ) AS before_from
    UNION ALL
    SELECT subscription_id, at, status, plan, amount, currency, interval
    FROM subscription_changes
    WHERE at >= ${from}::timestamptz AND at < ${to}::timestamptz`;
}

async function totalsFor(periods: Period[]): Promise<PeriodTotals[]> {
  if (periods.length === 0) return [];
  const from = new Date(Math.min(...periods.map((period) => period.from.getTime())));
  const to = new Date(Math.max(...periods.map((period) => period.to.getTime())));
  return revenueTimeline(await historyRows(from, to), periods);
}

/** MRR and subscribers for each bucket of calendar days ("YYYY-MM-DD", both included) in `timeZone`. */
export async function revenueSeries(
  buckets: { start: string; end: string }[],
  timeZone: string,
): Promise<RevenueBucket[]> {
  const totals = await totalsFor(buckets.map((bucket) => periodOf(bucket, timeZone)));
  return buckets.map((bucket, index) => {
    const { atEnd, newSubscribers, churned } = totals[index]!;
    return { start: bucket.start, end: bucket.end, ...atEnd, newSubscribers, churned, net: newSubscribers - churned };
  });
}

/** Churn for each calendar month from `fromMonth` to `toMonth` ("YYYY-MM", both included) in `timeZone`. */
export async function monthlyChurn(fromMonth: string, toMonth: string, timeZone: string): Promise<MonthlyChurn[]> {
  const months = calendarMonths(fromMonth, toMonth);
  const totals = await totalsFor(months.map((month) => periodOf(month, timeZone)));
  return months.map(({ month }, index) => {
    const { atStart, atEnd, newSubscribers, churned } = totals[index]!;
    return {
      month,
      activeAtStart: atStart.active,
      newSubscribers,
      churned,
      net: newSubscribers - churned,
      churnRate: atStart.active === 0 ? null : churned / atStart.active,
      mrrAtStart: atStart.mrr,
      mrrAtEnd: atEnd.mrr,
    };
  });
}
