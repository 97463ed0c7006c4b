// Finds the articles matching a search and returns one page of them, ranked,
// with the total count: one statement, so one round trip.
//
// Matching uses the GIN index on articles.search_vector. Ranking is where
// the time goes: each article's full vector (headline, dek and body, a few
// kilobytes) is stored out of line, and ts_rank must fetch it. A common word
// matches most of the library, so ranking every match would cost hundreds of
// milliseconds. Instead, relevance is computed exactly for two sets of
// candidates: the newest RECENT_CANDIDATES matches, and the best
// HEADLINE_CANDIDATES headline/dek matches across the whole library (found
// on the small headline_vector, which is stored inline). Every other match
// follows them, newest first. For a query with fewer matches than that, the
// ranking is exact.
//
// The score is ts_rank (headline A 1.0, dek B 0.4, body C 0.2) times a
// recency factor from 1 (today) falling towards 0.5 (half-way at 180 days),
// so a strong old match still beats a weak new one.
import { db, Prisma } from "@/lib/db/prisma";
import type { SearchFilters } from "./search-filters";
import type { SearchSort } from "./search-request";

export const RECENT_CANDIDATES = 500;
export const HEADLINE_CANDIDATES = 200;
// Headline matches are re-checked against the whole article (an excluded
// word may be in the body); a few spare ones make up for those dropped.
const HEADLINE_SPARE = 50;
const RECENCY_SECONDS = 180 * 24 * 60 * 60;

export type RankedHit = { id: string; free: boolean; score: number | null };

export type RankedPage =
  | { kind: "page"; total: number; hits: RankedHit[] }
  /** Nothing to search for: only stop words ("the") and punctuation. */
  | { kind: "no-terms" }
  /** Only excluded words (-word): that would match nearly everything. */
  | { kind: "only-exclusions" };

export type RankOptions = {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  limit: number;
  offset: number;
  now: Date;
};

function filterSql(filters: SearchFilters, now: Date): Prisma.Sql {
  const conditions = [Prisma.sql`a.status = 'published' AND a.published_at <= ${now}::timestamptz`];
  if (filters.kind) conditions.push(Prisma.sql`a.kind = ${filters.kind}::"ArticleKind"`);
  if (filters.from) conditions.push(Prisma.sql`a.published_at >= ${filters.from}::timestamptz`);
  if (filters.before) conditions.push(Prisma.sql`a.published_at < ${filters.before}::timestamptz`);
  for (const tagId of [filters.topicId, filters.regionId]) {
    if (tagId)
      conditions.push(
        Prisma.sql`EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ${tagId}::uuid)`,
      );
  }
  if (filters.authorId) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author_id = ${filters.authorId}::uuid)`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

const recency = (now: Date) =>
  Prisma.sql`(0.5 + 0.5 * exp(greatest(-50.0, -extract(epoch FROM ${now}::timestamptz - a.published_at)::float8 / ${RECENCY_SECONDS})))`;

// The page, in order: by relevance (unranked matches last, newest first), or newest first.
function pageSql(options: RankOptions): Prisma.Sql {
  const { limit, offset, now } = options;
  if (options.sort === "date") {
    return Prisma.sql`
      SELECT m.id, m.free, NULL::float8 AS score, m.published_at FROM matches m
      ORDER BY m.published_at DESC, m.id LIMIT ${limit} OFFSET ${offset}`;
  }
  return Prisma.sql`
    SELECT o.id, o.free, o.score, o.published_at FROM (
      SELECT a.id, a.free, ts_rank(a.search_vector, u.query) * ${recency(now)} AS score, a.published_at
      FROM candidates c JOIN articles a ON a.id = c.id, usable u
      UNION ALL
      -- Past the ranked candidates only when this page reaches beyond them.
      SELECT m.id, m.free, NULL, m.published_at FROM matches m
      WHERE ${offset + limit} > (SELECT count(*) FROM candidates)
        AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = m.id)
    ) o
    ORDER BY o.score DESC NULLS LAST, o.published_at DESC, o.id LIMIT ${limit} OFFSET ${offset}`;
}

function candidatesSql(options: RankOptions): Prisma.Sql {
  if (options.sort === "date") return Prisma.empty;
  const filters = filterSql(options.filters, options.now);
  return Prisma.sql`,
    recent AS (SELECT id FROM matches ORDER BY published_at DESC, id LIMIT ${RECENT_CANDIDATES}),
    headline AS (
      SELECT h.id FROM (
        SELECT a.id, a.search_vector FROM articles a, usable u
        WHERE a.headline_vector @@ u.query AND ${filters}
        ORDER BY ts_rank(a.headline_vector, u.query) * ${recency(options.now)} DESC, a.id
        LIMIT ${HEADLINE_CANDIDATES + HEADLINE_SPARE}
      ) h, usable u
      WHERE h.search_vector @@ u.query
      LIMIT ${HEADLINE_CANDIDATES}
    ),
    candidates AS MATERIALIZED (SELECT id FROM recent UNION SELECT id FROM headline)`;
}

export async function rankMatches(options: RankOptions): Promise<RankedPage> {
  // The query sits in a MATERIALIZED CTE on purpose: the planner cannot see
  // it, so it does not estimate that a common word matches most rows and
  // pick a sequential scan, which would fetch every article's vector.
  const rows = await db().$queryRaw<
    { nodes: number; tree: string; total: number; id: string | null; free: boolean | null; score: number | null }[]
  >`
    WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', ${options.query}) AS query),
    usable AS MATERIALIZED (SELECT query FROM q WHERE numnode(query) > 0 AND querytree(query) <> 'T'),
    matches AS MATERIALIZED (
      SELECT a.id, a.free, a.published_at FROM articles a, usable u
      WHERE a.search_vector @@ u.query AND ${filterSql(options.filters, options.now)}
    )${candidatesSql(options)},
    page AS (${pageSql(options)})
    SELECT (SELECT numnode(query) FROM q)::int AS nodes, (SELECT querytree(query) FROM q) AS tree,
           (SELECT count(*) FROM matches)::int AS total, p.id::text AS id, p.free, p.score
    FROM (SELECT 1) AS one
    LEFT JOIN page p ON true
    ORDER BY p.score DESC NULLS LAST, p.published_at DESC, p.id`;
  const first = rows[0]!;
  if (first.nodes === 0) return { kind: "no-terms" };
  if (first.tree === "T") return { kind: "only-exclusions" };
  const hits = rows
    .filter((row) => row.id !== null)
    .map((row) => ({ id: row.id!, free: row.free!, score: row.score === null ? null : Number(row.score) }));
  return { kind: "page", total: first.total, hits };
}
