// The dashboard's CSV downloads, one per chart or table, with the same
// numbers the page shows: the page and these files read the same reports.
// Money is written in the currency's main unit (12.5 for €12.50).
import { hasRole } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/actor";
import type { CsvCell } from "@/lib/text/csv";
import { articleReport, parseArticleSort } from "./article-report";
import { funnelReport } from "./funnel-report";
import type { InsightsPeriod } from "./insights-period";
import { newsletterReport } from "./newsletter-report";
import { readerReport } from "./reader-report";
import { revenueReport } from "./revenue-report";

export const INSIGHTS_CSVS = ["funnel", "views", "articles", "revenue", "churn", "readers", "newsletters"] as const;
export type InsightsCsv = (typeof INSIGHTS_CSVS)[number];

/** The CSVs an editor may not download. */
const ADMIN_ONLY = new Set<InsightsCsv>(["revenue", "churn"]);

export function parseInsightsCsv(value: unknown): InsightsCsv | null {
  return INSIGHTS_CSVS.find((name) => name === value) ?? null;
}

export function mayDownload(actor: Actor, csv: InsightsCsv): boolean {
  return hasRole(actor.role, ADMIN_ONLY.has(csv) ? "admin" : "editor");
}

const money = (minor: number | undefined) => (minor ?? 0) / 100;

/** The rows of `csv` for `period`, a header row first. */
export async function insightsCsvRows(
  actor: Actor,
  csv: InsightsCsv,
  period: InsightsPeriod,
  options: { sort?: unknown } = {},
): Promise<CsvCell[][]> {
  const spans = period.buckets.map((bucket) => [bucket.start, bucket.end]);
  switch (csv) {
    case "funnel":
    case "views": {
      const report = await funnelReport(actor, period);
      const series = csv === "funnel" ? report.steps : report.views;
      return [
        ["from", "to", ...series.map((line) => line.name)],
        ...spans.map((span, index) => [...span, ...series.map((line) => line.perBucket[index] ?? 0)]),
        ["total", "", ...series.map((line) => line.total)],
      ];
    }
    case "articles": {
      const { rows } = await articleReport(actor, period, { sort: parseArticleSort(options.sort), limit: 100_000 });
      return [
        ["article", "slug", "views", "panels", "registrations", "subscriptions", "unlocks"],
        ...rows.map((row) => [
          row.title,
          row.slug,
          row.views,
          row.panels,
          row.registrations,
          row.subscriptions,
          row.unlocks,
        ]),
      ];
    }
    case "revenue": {
      const report = await revenueReport(actor, period);
      return [
        [
          "from",
          "to",
          ...report.currencies.map((currency) => `MRR (${currency.toUpperCase()})`),
          "active subscribers",
          ...report.plans.map((plan) => `active on ${plan}`),
          "trialing",
          "new",
          "churned",
          "net",
        ],
        ...report.buckets.map((bucket) => [
          bucket.start,
          bucket.end,
          ...report.currencies.map((currency) => money(bucket.mrr[currency])),
          bucket.active,
          ...report.plans.map((plan) => bucket.activeByPlan[plan] ?? 0),
          bucket.trialing,
          bucket.newSubscribers,
          bucket.churned,
          bucket.net,
        ]),
      ];
    }
    case "churn": {
      const report = await revenueReport(actor, period);
      return [
        [
          "month",
          "active at start",
          "new",
          "churned",
          "net",
          "churn rate",
          ...report.currencies.flatMap((currency) => [
            `MRR at start (${currency.toUpperCase()})`,
            `MRR at end (${currency.toUpperCase()})`,
          ]),
        ],
        ...report.months.map((month) => [
          month.month,
          month.activeAtStart,
          month.newSubscribers,
          month.churned,
          month.net,
          month.churnRate,
          ...report.currencies.flatMap((currency) => [
            money(month.mrrAtStart[currency]),
            money(month.mrrAtEnd[currency]),
          ]),
        ]),
      ];
    }
    case "readers": {
      const report = await readerReport(actor, period);
      return [
        ["from", "to", "registered readers", "registrations"],
        ...spans.map((span, index) => [...span, report.registered[index] ?? 0, report.registrations[index] ?? 0]),
      ];
    }
    case "newsletters": {
      const rows = await newsletterReport(actor, period);
      return [
        ["issue date", "newsletter", "subject", "recipients", "delivered", "failed", "unsubscribes within 7 days"],
        ...rows.map((row) => [
          row.issueDate,
          row.newsletter,
          row.subject,
          row.recipients,
          row.delivered,
          row.failed,
          row.unsubscribes,
        ]),
      ];
    }
  }
}
