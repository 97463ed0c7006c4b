// The arithmetic of revenue (definitions in revenue.ts), on history rows
// already read: which subscriptions pay at an instant, what they add up to a
// month, and how many started or stopped paying within a period. Pure, so
// that the definitions are tested without a database.
import { isPaying, TRIAL_STATUS } from "./subscription-status";

/** One row of subscription_changes, as revenue reads it. */
export type HistoryRow = {
  subscriptionId: string;
  at: Date;
  status: string;
  plan: string;
  amount: number;
  currency: string;
  interval: string;
};

/** Subscribers and MRR at one instant. MRR per currency, in minor units a month. */
export type RevenueSnapshot = {
  mrr: Record<string, number>;
  active: number;
  activeByPlan: Record<string, number>;
  trialing: number;
};

/** A period [from, to): its snapshots at both ends and the subscribers it gained and lost. */
export type PeriodTotals = {
  atStart: RevenueSnapshot;
  atEnd: RevenueSnapshot;
  newSubscribers: number;
  churned: number;
};

export type Period = { from: Date; to: Date };

function snapshotOf(latest: Iterable<HistoryRow>): RevenueSnapshot {
  // Summed in twelfths of a minor unit and divided once, so that an annual
  // plan's amount / 12 is not rounded once per subscriber.
  const twelfths: Record<string, number> = {};
  const snapshot: RevenueSnapshot = { mrr: {}, active: 0, activeByPlan: {}, trialing: 0 };
  for (const row of latest) {
    if (row.status === TRIAL_STATUS) snapshot.trialing += 1;
    if (!isPaying(row.status)) continue;
    snapshot.active += 1;
    snapshot.activeByPlan[row.plan] = (snapshot.activeByPlan[row.plan] ?? 0) + 1;
    twelfths[row.currency] = (twelfths[row.currency] ?? 0) + (row.interval === "year" ? row.amount : row.amount * 12);
  }
  for (const [currency, total] of Object.entries(twelfths)) snapshot.mrr[currency] = Math.round(total / 12);
  return snapshot;
}

/** How many of the ascending `times` fall in [from, to). */
function countWithin(times: number[], from: number, to: number): number {
  const firstAtOrAfter = (instant: number) => {
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (times[middle]! < instant) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return Math.max(0, firstAtOrAfter(to) - firstAtOrAfter(from));
}

/**
 * Totals for each period, in the order given. `rows` must hold, for every
 * subscription, its latest row before the earliest period (if any) and every
 * row after it, up to the latest period's end.
 */
export function revenueTimeline(rows: HistoryRow[], periods: Period[]): PeriodTotals[] {
  const ordered = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
  // Entering paying (new) and leaving it (churn), each in time order.
  const entered: number[] = [];
  const left: number[] = [];
  const previous = new Map<string, HistoryRow>();
  for (const row of ordered) {
    const was = isPaying(previous.get(row.subscriptionId)?.status);
    const is = isPaying(row.status);
    if (!was && is) entered.push(row.at.getTime());
    if (was && !is) left.push(row.at.getTime());
    previous.set(row.subscriptionId, row);
  }

  // The state at each period's start and end: every row before that instant applied.
  const instants = [...new Set(periods.flatMap((period) => [period.from.getTime(), period.to.getTime()]))].sort(
    (a, b) => a - b,
  );
  const snapshots = new Map<number, RevenueSnapshot>();
  const current = new Map<string, HistoryRow>();
  let next = 0;
  for (const instant of instants) {
    while (next < ordered.length && ordered[next]!.at.getTime() < instant) {
      current.set(ordered[next]!.subscriptionId, ordered[next]!);
      next += 1;
    }
    snapshots.set(instant, snapshotOf(current.values()));
  }

  return periods.map(({ from, to }) => ({
    atStart: snapshots.get(from.getTime())!,
    atEnd: snapshots.get(to.getTime())!,
    newSubscribers: countWithin(entered, from.getTime(), to.getTime()),
    churned: countWithin(left, from.getTime(), to.getTime()),
  }));
}
