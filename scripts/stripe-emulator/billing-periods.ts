// Billing period arithmetic as Stripe does it: periods are counted from the
// billing cycle anchor, and a month that lacks the anchor's day ends on its
// last day (an anchor on 31 January renews on 28 February, then 31 March).
// The SDK types an interval as an open string union; anything else is a bug
// in the catalogue, so it throws.
export type Interval = "day" | "week" | "month" | "year" | (string & {});

function addMonths(anchor: Date, months: number): Date {
  const target = new Date(anchor.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(anchor.getUTCDate(), lastDay));
  return target;
}

/** The time `count` intervals after the anchor, in unix seconds. */
export function addIntervals(anchor: number, interval: Interval, count: number, intervalCount = 1): number {
  const start = new Date(anchor * 1000);
  const steps = count * intervalCount;
  switch (interval) {
    case "day":
      return anchor + steps * 86_400;
    case "week":
      return anchor + steps * 7 * 86_400;
    case "month":
      return Math.floor(addMonths(start, steps).getTime() / 1000);
    case "year":
      return Math.floor(addMonths(start, steps * 12).getTime() / 1000);
    default:
      throw new Error(`Unknown billing interval: ${interval}`);
  }
}

/** The first period boundary after `after`, counting from the anchor. */
export function nextPeriodEnd(anchor: number, interval: Interval, after: number, intervalCount = 1): number {
  let count = 1;
  while (addIntervals(anchor, interval, count, intervalCount) <= after) count += 1;
  return addIntervals(anchor, interval, count, intervalCount);
}
