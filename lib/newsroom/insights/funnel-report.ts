// The paywall's funnel for a period: from an anonymous reader's view of an
// article to a subscription, each step's count per bucket and in all, and
// how many of the step it follows from became this one.
import { assertRole, type Actor } from "@/lib/auth/actor";
import { EVENT_METRICS, VIEW_METRICS } from "@/lib/insights/insight-metrics";
import { countsByBucket } from "./daily-counts";
import type { InsightsPeriod } from "./insights-period";

type Step = { metric: string; name: string; /** The step whose people this one converts. */ from?: string };

export const FUNNEL_STEPS: readonly Step[] = [
  { metric: VIEW_METRICS.anonymous, name: "Article views, anonymous" },
  { metric: EVENT_METRICS.panel, name: "Paywall panels shown", from: VIEW_METRICS.anonymous },
  { metric: EVENT_METRICS.registration, name: "Registrations", from: EVENT_METRICS.panel },
  { metric: EVENT_METRICS.gift, name: "Instant-access gifts", from: EVENT_METRICS.panel },
  { metric: EVENT_METRICS.unlock, name: "Free articles unlocked", from: EVENT_METRICS.registration },
  { metric: EVENT_METRICS.checkout, name: "Checkouts started", from: EVENT_METRICS.panel },
  { metric: EVENT_METRICS.subscription, name: "Subscriptions started", from: EVENT_METRICS.checkout },
  { metric: EVENT_METRICS.cancellation, name: "Cancellations", from: EVENT_METRICS.subscription },
];

export const VIEW_SERIES = [
  { metric: VIEW_METRICS.anonymous, name: "Anonymous" },
  { metric: VIEW_METRICS.reader, name: "Signed-in, free" },
  { metric: VIEW_METRICS.subscriber, name: "Subscribers" },
  { metric: VIEW_METRICS.bot, name: "Crawlers and scripts" },
] as const;

export type FunnelStep = {
  metric: string;
  name: string;
  total: number;
  perBucket: number[];
  /** This step's total over the total of the step it follows from; null for the first or after a zero. */
  conversion: number | null;
  fromName: string | null;
};

export type FunnelReport = {
  steps: FunnelStep[];
  views: { metric: string; name: string; total: number; perBucket: number[] }[];
};

export async function funnelReport(actor: Actor, period: InsightsPeriod): Promise<FunnelReport> {
  assertRole(actor, "editor");
  const metrics = [...new Set([...FUNNEL_STEPS.map((step) => step.metric), ...VIEW_SERIES.map((view) => view.metric)])];
  const counts = await countsByBucket(metrics, period.buckets);
  const seriesOf = (metric: string) => {
    const perBucket = counts.get(metric) ?? period.buckets.map(() => 0);
    return { perBucket, total: perBucket.reduce((sum, value) => sum + value, 0) };
  };
  const steps = FUNNEL_STEPS.map((step) => {
    const own = seriesOf(step.metric);
    const from = step.from ? seriesOf(step.from).total : 0;
    return {
      metric: step.metric,
      name: step.name,
      ...own,
      conversion: step.from && from > 0 ? own.total / from : null,
      fromName: FUNNEL_STEPS.find((candidate) => candidate.metric === step.from)?.name ?? null,
    };
  });
  return { steps, views: VIEW_SERIES.map((view) => ({ ...view, ...seriesOf(view.metric) })) };
}
