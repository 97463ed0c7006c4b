// "Related reading" at the end of an article: three other published
// articles, the newest of those that share a topic or a region with it,
// topped up with the newest articles when fewer than three share one.
//
// The list is the same for every reader and carries summaries only (headline,
// dek, kind, date, authors: never article text), so it is cached across
// requests like the article's preview. Any change to what readers can see
// (publishing, unpublishing, editing a published article, scheduled
// publishing) invalidates ARTICLE_LISTS, and a renamed or merged topic,
// region or author invalidates TAXONOMY (lib/cache/refresh-article-pages.ts).
import { ARTICLE_LISTS, TAXONOMY } from "@/lib/cache/cache-tags";
import { sharedRead } from "@/lib/cache/shared-read";
import { db, type Prisma } from "@/lib/db/prisma";
import { getArticleSummaries, type ArticleSummary } from "./article-queries";

export const RELATED_ARTICLES = 3;

const visibleNow = (): Prisma.ArticleWhereInput => ({ status: "published", publishedAt: { lte: new Date() } });

const newestFirst = [{ publishedAt: "desc" }, { id: "asc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];

async function newestIds(where: Prisma.ArticleWhereInput, take: number): Promise<string[]> {
  if (take <= 0) return [];
  const rows = await db().article.findMany({
    where: { ...visibleNow(), ...where },
    select: { id: true },
    orderBy: newestFirst,
    take,
  });
  return rows.map((row) => row.id);
}

async function readRelatedArticles(articleId: string): Promise<ArticleSummary[]> {
  const tagIds = (await db().articleTag.findMany({ where: { articleId }, select: { tagId: true } })).map(
    (row) => row.tagId,
  );
  // The newest articles sharing a topic or region walk the (status,
  // published_at) index and stop at the third match, however many there are.
  const sharing =
    tagIds.length === 0
      ? []
      : await newestIds({ id: { not: articleId }, tags: { some: { tagId: { in: tagIds } } } }, RELATED_ARTICLES);
  const others = await newestIds({ id: { notIn: [articleId, ...sharing] } }, RELATED_ARTICLES - sharing.length);
  const ids = [...sharing, ...others];
  const summaries = await getArticleSummaries(ids);
  return ids.flatMap((id) => summaries.get(id) ?? []);
}

/**
 * Up to three other published articles to read after `articleId`: the
 * newest sharing one of its topics or regions first, then the newest of all.
 */
export const listRelatedArticles = sharedRead(readRelatedArticles, {
  name: "related-articles",
  tags: () => [ARTICLE_LISTS, TAXONOMY],
});
