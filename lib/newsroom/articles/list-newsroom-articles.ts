// The newsroom's list of articles: every status, filtered by status and by
// words in the headline. Drafts come first (newest first), then scheduled and
// published articles by their publication time, newest first; the index
// articles_published_at_created_at_id_idx serves that order.
import { prefixQuery } from "@/lib/search/suggest-headlines";
import { db, Prisma } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { ArticleStatus } from "./editable-article";

export const STATUSES = ["draft", "scheduled", "published"] as const satisfies readonly ArticleStatus[];

export type NewsroomArticleRow = {
  id: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  kind: "daily" | "in_depth";
  free: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
  authors: string[];
};

export type NewsroomArticlePage = { articles: NewsroomArticleRow[]; total: number; page: number; pageCount: number };

/**
 * Which articles match. Words in the headline are matched as word prefixes on
 * the headline's words (articles.title_words, GIN-indexed, as for the search
 * box's suggestions): "iran nuc" finds "Iran's Nuclear Talks". Input with no
 * word long enough falls back to a plain substring match.
 */
function matching(status: ArticleStatus | undefined, query: string): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (status) conditions.push(Prisma.sql`status = ${status}::"ArticleStatus"`);
  const words = prefixQuery(query);
  if (words) conditions.push(Prisma.sql`title_words @@ to_tsquery('simple', ${words})`);
  else if (query) conditions.push(Prisma.sql`strpos(lower(title), lower(${query})) > 0`);
  return Prisma.join(conditions, " AND ");
}

export async function listNewsroomArticles(
  actor: Actor,
  options: { status?: ArticleStatus; query?: string; page: number; perPage?: number },
): Promise<NewsroomArticlePage> {
  assertRole(actor, "editor");
  const perPage = options.perPage ?? 25;
  const query = options.query?.trim() ?? "";
  const where = matching(options.status, query);
  const offset = (options.page - 1) * perPage;
  const [ids, [counted]] = await Promise.all([
    query
      ? // Matches first, then their order: otherwise the planner walks the
        // whole list in order hoping to meet matches early, slow for rare words.
        db().$queryRaw<{ id: string }[]>`
          WITH matches AS MATERIALIZED (SELECT id, published_at, created_at FROM articles WHERE ${where})
          SELECT id::text AS id FROM matches
          ORDER BY published_at DESC, created_at DESC, id
          OFFSET ${offset} LIMIT ${perPage}`
      : db().$queryRaw<{ id: string }[]>`
          SELECT id::text AS id FROM articles WHERE ${where}
          ORDER BY published_at DESC, created_at DESC, id
          OFFSET ${offset} LIMIT ${perPage}`,
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM articles WHERE ${where}`,
  ]);
  const rows = await db().article.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      kind: true,
      free: true,
      publishedAt: true,
      updatedAt: true,
      authors: { orderBy: { position: "asc" }, select: { author: { select: { name: true } } } },
    },
  });
  const byId = new Map(
    rows.map(({ authors, ...row }) => [row.id, { ...row, authors: authors.map(({ author }) => author.name) }]),
  );
  const total = counted?.total ?? 0;
  return {
    articles: ids.flatMap((row) => byId.get(row.id) ?? []),
    total,
    page: options.page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}
