// GET /admin/insights: the publisher's dashboard (editors; revenue for
// admins). Every chart is drawn on the server as SVG with its table and a CSV
// download of the same numbers; the period is a plain GET form.
import { DataTable } from "@/components/newsroom/insights/data-table";
import { FunnelChart } from "@/components/newsroom/insights/funnel-chart";
import { PeriodForm } from "@/components/newsroom/insights/period-form";
import { TimeSeriesChart } from "@/components/newsroom/insights/time-series-chart";
import { hasRole } from "@/lib/auth/roles";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";
import { ARTICLE_COLUMNS, articleReport, parseArticleSort } from "@/lib/newsroom/insights/article-report";
import { funnelReport } from "@/lib/newsroom/insights/funnel-report";
import { parseInsightsPeriod, periodQuery, type InsightsPeriod } from "@/lib/newsroom/insights/insights-period";
import type { InsightsCsv } from "@/lib/newsroom/insights/insights-csv";
import { newsletterReport } from "@/lib/newsroom/insights/newsletter-report";
import { readerReport } from "@/lib/newsroom/insights/reader-report";
import { revenueReport } from "@/lib/newsroom/insights/revenue-report";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Insights" };

const ARTICLE_LABELS: Record<(typeof ARTICLE_COLUMNS)[number], string> = {
  views: "Views",
  panels: "Panels shown",
  registrations: "Registrations",
  subscriptions: "Subscriptions",
  unlocks: "Free articles unlocked",
};

const percent = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("editor", "/admin/insights");
  const params = await searchParams;
  const parsed = parseInsightsPeriod(params, new Date(), env().PUBLICATION_TIMEZONE);
  if (!parsed.ok) {
    return (
      <div className="newsroom-insights">
        <h1>Insights</h1>
        <PeriodForm period={null} />
        <p className="form-error" role="alert">
          {parsed.message}
        </p>
      </div>
    );
  }
  const { period } = parsed;
  const sort = parseArticleSort(params.sort);
  const admin = hasRole(actor.role, "admin");
  const [funnel, articles, readers, newsletters, revenue] = await Promise.all([
    funnelReport(actor, period),
    articleReport(actor, period, { sort }),
    readerReport(actor, period),
    newsletterReport(actor, period),
    admin ? revenueReport(actor, period) : null,
  ]);
  const csv = (name: InsightsCsv) => csvHref(name, period, name === "articles" ? sort : undefined);
  const buckets = period.buckets.map((bucket) => ({ label: bucket.label }));
  const { thisMonth } = readers;

  return (
    <div className="newsroom-insights">
      <h1>Insights</h1>
      <PeriodForm period={period} />
      <p className="meta">
        {period.from} to {period.to}, by {period.group}, in {env().PUBLICATION_TIMEZONE} time. Counts only: nothing
        about any one reader is kept.
      </p>

      <section aria-labelledby="funnel">
        <h2 id="funnel">The funnel</h2>
        <FunnelChart
          title="The funnel"
          steps={funnel.steps.map((step) => ({ name: step.name, count: step.total, from: step.fromName }))}
          csvHref={csv("funnel")}
        />
        <TimeSeriesChart
          title="Article views by reader"
          buckets={buckets}
          series={funnel.views.map((view) => ({ name: view.name, values: view.perBucket }))}
          csvHref={csv("views")}
        />
        <TimeSeriesChart
          title="Registrations, checkouts and subscriptions"
          buckets={buckets}
          series={funnel.steps
            .filter((step) => ["registration", "checkout", "subscription", "cancellation"].includes(step.metric))
            .map((step) => ({ name: step.name, values: step.perBucket }))}
          kind="line"
          csvHref={csv("funnel")}
        />
      </section>

      <section aria-labelledby="articles">
        <h2 id="articles">Articles</h2>
        <DataTable
          caption={`The top ten articles by ${ARTICLE_LABELS[sort].toLowerCase()} (${articles.total} with counts)`}
          columns={[
            { key: "title", label: "Article", format: "text" },
            ...ARTICLE_COLUMNS.map((column) => ({
              key: column,
              label: ARTICLE_LABELS[column],
              sortHref: `/admin/insights?${new URLSearchParams({ ...Object.fromEntries(periodQuery(period)), sort: column })}#articles`,
              sorted: column === sort ? ("desc" as const) : undefined,
            })),
          ]}
          rows={articles.rows.map((row) => ({ ...row }))}
        />
        <p>
          <a href={csv("articles")} download>
            Download every article as CSV
          </a>
        </p>
      </section>

      {revenue && (
        <section aria-labelledby="revenue">
          <h2 id="revenue">Revenue and subscribers</h2>
          {revenue.currencies.length === 0 && <p>No paying subscriber in this period.</p>}
          {revenue.currencies.map((currency) => (
            <TimeSeriesChart
              key={currency}
              title={`Monthly recurring revenue (${currency.toUpperCase()})`}
              caption="At the end of each period; annual plans counted as a twelfth a month."
              buckets={buckets}
              series={[
                {
                  name: `MRR (${currency.toUpperCase()})`,
                  values: revenue.buckets.map((bucket) => bucket.mrr[currency] ?? 0),
                  format: "money",
                },
              ]}
              currency={currency}
              kind="line"
              csvHref={csv("revenue")}
            />
          ))}
          <TimeSeriesChart
            title="Active subscribers by plan"
            buckets={buckets}
            series={[
              ...revenue.plans.map((plan) => ({
                name: plan,
                values: revenue.buckets.map((bucket) => bucket.activeByPlan[plan] ?? 0),
              })),
              { name: "Trialing", values: revenue.buckets.map((bucket) => bucket.trialing) },
            ]}
            csvHref={csv("revenue")}
          />
          <TimeSeriesChart
            title="New and churned subscribers"
            buckets={buckets}
            series={[
              { name: "New", values: revenue.buckets.map((bucket) => bucket.newSubscribers) },
              { name: "Churned", values: revenue.buckets.map((bucket) => bucket.churned) },
              { name: "Net change", values: revenue.buckets.map((bucket) => bucket.net) },
            ]}
            csvHref={csv("revenue")}
          />
          <DataTable
            caption="Churn by month"
            columns={[
              { key: "month", label: "Month", format: "text" },
              { key: "activeAtStart", label: "Active at start" },
              { key: "newSubscribers", label: "New" },
              { key: "churned", label: "Churned" },
              { key: "net", label: "Net change" },
              { key: "churnRate", label: "Churn rate", format: "percent" },
            ]}
            rows={revenue.months.map((month) => ({ ...month, mrrAtStart: null, mrrAtEnd: null }))}
          />
          <p>
            <a href={csv("churn")} download>
              Download churn by month as CSV
            </a>
          </p>
        </section>
      )}

      <section aria-labelledby="readers">
        <h2 id="readers">Readers</h2>
        <TimeSeriesChart
          title="Registered readers"
          buckets={buckets}
          series={[{ name: "Registered readers", values: readers.registered }]}
          kind="line"
          csvHref={csv("readers")}
        />
        <DataTable
          caption={`The free tier this month (${thisMonth.month})`}
          columns={[
            { key: "what", label: "Readers on the free tier", format: "text" },
            { key: "people", label: "Readers" },
            { key: "share", label: "Share", format: "percent" },
          ]}
          rows={[
            { what: "On the free tier", people: thisMonth.freeReaders, share: null },
            {
              what: "Unlocked at least one article",
              people: thisMonth.unlockedAny,
              share: percent(thisMonth.unlockedAny, thisMonth.freeReaders),
            },
            {
              what: `Used all ${thisMonth.limit} free articles`,
              people: thisMonth.usedAll,
              share: percent(thisMonth.usedAll, thisMonth.freeReaders),
            },
          ]}
        />
      </section>

      <section aria-labelledby="newsletters">
        <h2 id="newsletters">Newsletters</h2>
        <DataTable
          caption="Issues sent in the period"
          columns={[
            { key: "issueDate", label: "Issue", format: "text" },
            { key: "newsletter", label: "Newsletter", format: "text" },
            { key: "recipients", label: "Recipients" },
            { key: "delivered", label: "Delivered" },
            { key: "failed", label: "Failed" },
            { key: "unsubscribes", label: "Unsubscribes within 7 days" },
          ]}
          rows={newsletters.map((row) => ({ ...row }))}
        />
        <p>
          <a href={csv("newsletters")} download>
            Download the issues as CSV
          </a>
        </p>
      </section>
    </div>
  );
}

function csvHref(name: InsightsCsv, period: InsightsPeriod, sort?: string): string {
  const query = periodQuery(period);
  query.set("csv", name);
  if (sort) query.set("sort", sort);
  return `/admin/insights/export?${query}`;
}
