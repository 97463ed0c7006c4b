// Revenue and subscribers for the dashboard (admins only): the series per
// bucket of the period and the churn of each calendar month it touches,
// computed from the subscriptions' history (lib/insights/revenue.ts).
import { assertRole, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { monthlyChurn, revenueSeries, type MonthlyChurn, type RevenueBucket } from "@/lib/insights/revenue";
import type { InsightsPeriod } from "./insights-period";

export type RevenueReport = {
  buckets: RevenueBucket[];
  months: MonthlyChurn[];
  /** The currencies MRR is in, the one with most revenue first. */
  currencies: string[];
  /** The plans subscribers are on in the period. */
  plans: string[];
};

export async function revenueReport(actor: Actor, period: InsightsPeriod): Promise<RevenueReport> {
  assertRole(actor, "admin");
  const timeZone = env().PUBLICATION_TIMEZONE;
  const [buckets, months] = await Promise.all([
    revenueSeries(period.buckets, timeZone),
    monthlyChurn(period.from.slice(0, 7), period.to.slice(0, 7), timeZone),
  ]);
  const totals = new Map<string, number>();
  const plans = new Set<string>();
  for (const bucket of buckets) {
    for (const [currency, amount] of Object.entries(bucket.mrr))
      totals.set(currency, (totals.get(currency) ?? 0) + amount);
    for (const plan of Object.keys(bucket.activeByPlan)) plans.add(plan);
  }
  return {
    buckets,
    months,
    currencies: [...totals].sort((a, b) => b[1] - a[1]).map(([currency]) => currency),
    plans: [...plans].sort(),
  };
}
