// The articles of a period by what happened on them: views, paywall panels,
// the registrations and subscriptions that began on them, the free articles
// spent on them. Sortable by any of those; the dashboard shows the top ten.
import { assertRole, type Actor } from "@/lib/auth/actor";
import { Prisma, db } from "@/lib/db/prisma";
import { EVENT_METRICS, NO_ARTICLE, VIEW_METRICS } from "@/lib/insights/insight-metrics";
import type { InsightsPeriod } from "./insights-period";

export const ARTICLE_COLUMNS = ["views", "panels", "registrations", "subscriptions", "unlocks"] as const;
export type ArticleColumn = (typeof ARTICLE_COLUMNS)[number];

export type ArticleRow = { articleId: string; title: string; slug: string | null } & Record<ArticleColumn, number>;

// Column → the SQL that sums it (a fixed list: the sort key from the query picks one of these, never text of its own).
const SUMS: Record<ArticleColumn, Prisma.Sql> = {
  views: Prisma.sql`sum(count) FILTER (WHERE metric IN (${VIEW_METRICS.anonymous}, ${VIEW_METRICS.reader}, ${VIEW_METRICS.subscriber}))`,
  panels: Prisma.sql`sum(count) FILTER (WHERE metric = ${EVENT_METRICS.panel})`,
  registrations: Prisma.sql`sum(count) FILTER (WHERE metric = ${EVENT_METRICS.registration})`,
  subscriptions: Prisma.sql`sum(count) FILTER (WHERE metric = ${EVENT_METRICS.subscription})`,
  unlocks: Prisma.sql`sum(count) FILTER (WHERE metric = ${EVENT_METRICS.unlock})`,
};

export function parseArticleSort(value: unknown): ArticleColumn {
  return ARTICLE_COLUMNS.find((column) => column === value) ?? "views";
}

export async function articleReport(
  actor: Actor,
  period: InsightsPeriod,
  { sort = "views", limit = 10, offset = 0 }: { sort?: ArticleColumn; limit?: number; offset?: number } = {},
): Promise<{ rows: ArticleRow[]; total: number }> {
  assertRole(actor, "editor");
  // Named in the SQL below: only ever one of the fixed columns.
  const column = parseArticleSort(sort);
  const range = Prisma.sql`day BETWEEN ${period.from}::date AND ${period.to}::date AND article_id <> ${NO_ARTICLE}::uuid`;
  const rows = await db().$queryRaw<
    ({ article_id: string; title: string | null; slug: string | null } & Record<ArticleColumn, bigint | null>)[]
  >`
    WITH totals AS (
      SELECT article_id,
             ${SUMS.views} AS views, ${SUMS.panels} AS panels, ${SUMS.registrations} AS registrations,
             ${SUMS.subscriptions} AS subscriptions, ${SUMS.unlocks} AS unlocks
      FROM insight_counts WHERE ${range} GROUP BY article_id)
    SELECT t.article_id::text, a.title, a.slug, t.views, t.panels, t.registrations, t.subscriptions, t.unlocks
    FROM totals t LEFT JOIN articles a ON a.id = t.article_id
    ORDER BY ${Prisma.raw(`t.${column}`)} DESC NULLS LAST, t.views DESC NULLS LAST, t.article_id
    LIMIT ${limit} OFFSET ${offset}`;
  const [counted] = await db().$queryRaw<{ total: number }[]>`
    SELECT count(DISTINCT article_id)::int AS total FROM insight_counts WHERE ${range}`;
  return {
    rows: rows.map((row) => ({
      articleId: row.article_id,
      // Counts outlive the article they were counted on.
      title: row.title ?? "(a deleted article)",
      slug: row.slug,
      views: Number(row.views ?? 0),
      panels: Number(row.panels ?? 0),
      registrations: Number(row.registrations ?? 0),
      subscriptions: Number(row.subscriptions ?? 0),
      unlocks: Number(row.unlocks ?? 0),
    })),
    total: counted?.total ?? 0,
  };
}
