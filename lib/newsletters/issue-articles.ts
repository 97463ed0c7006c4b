// The articles an issue is made of: what was published in its window, in
// the order the newsroom gave it, without what it dropped. Reads only
// headlines and metadata; article text is loaded at render time, cut by the
// access decision (render-issue.ts).
import type { Prisma } from "@/lib/db/generated/client";
import type { Window } from "./issue-schedule";

export type IssueArticle = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  kind: "daily" | "in_depth";
  free: boolean;
  publishedAt: Date;
  authors: string[];
  /** The lead image (public wherever the article is) and its alt text. */
  leadImage: { key: string; width: number; height: number; alt: string } | null;
  /** The newsroom took it out of the issue (kept, so it can be put back). */
  dropped: boolean;
};

type Reader = Pick<Prisma.TransactionClient, "article" | "newsletterItem">;

const articleSelect = {
  id: true,
  slug: true,
  title: true,
  dek: true,
  kind: true,
  free: true,
  publishedAt: true,
  authors: { orderBy: { position: "asc" }, select: { author: { select: { name: true } } } },
  leadImage: { select: { key: true, width: true, height: true } },
  leadImageAlt: true,
} satisfies Prisma.ArticleSelect;

type ArticleRow = Prisma.ArticleGetPayload<{ select: typeof articleSelect }>;

function toIssueArticle(row: ArticleRow): Omit<IssueArticle, "dropped"> {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    kind: row.kind,
    free: row.free,
    publishedAt: row.publishedAt!,
    authors: row.authors.map(({ author }) => author.name),
    leadImage: row.leadImage ? { ...row.leadImage, alt: row.leadImageAlt } : null,
  };
}

/** Published (and visible) within [start, end): the window is half-open, so windows that meet share nothing. */
export async function articlesPublishedIn(
  reader: Reader,
  window: Window,
  now: Date,
): Promise<Omit<IssueArticle, "dropped">[]> {
  const end = new Date(Math.min(window.end.getTime(), now.getTime() + 1));
  const rows = await reader.article.findMany({
    where: { status: "published", publishedAt: { gte: window.start, lt: end } },
    select: articleSelect,
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toIssueArticle);
}

/**
 * The issue's articles in order. Articles the newsroom placed keep their
 * place; articles published since are added after them, In-Depth reports
 * before Daily Analysis, each newest first.
 */
export async function orderedIssueArticles(
  reader: Reader,
  issueId: string | null,
  window: Window,
  now: Date,
): Promise<IssueArticle[]> {
  const [articles, placed] = await Promise.all([
    articlesPublishedIn(reader, window, now),
    issueId
      ? reader.newsletterItem.findMany({ where: { issueId }, orderBy: { position: "asc" } })
      : Promise.resolve([]),
  ]);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const ordered: IssueArticle[] = [];
  for (const item of placed) {
    const article = byId.get(item.articleId);
    if (!article) continue; // unpublished since, or outside the window now
    ordered.push({ ...article, dropped: item.dropped });
    byId.delete(item.articleId);
  }
  const fresh = [...byId.values()].sort(
    (a, b) =>
      Number(b.kind === "in_depth") - Number(a.kind === "in_depth") ||
      b.publishedAt.getTime() - a.publishedAt.getTime(),
  );
  return [...ordered, ...fresh.map((article) => ({ ...article, dropped: false }))];
}

/** Writes the order (and what is dropped) as the issue's items. */
export async function saveIssueOrder(
  writer: Pick<Prisma.TransactionClient, "newsletterItem">,
  issueId: string,
  articles: IssueArticle[],
): Promise<void> {
  await writer.newsletterItem.deleteMany({ where: { issueId } });
  await writer.newsletterItem.createMany({
    data: articles.map((article, position) => ({ issueId, articleId: article.id, position, dropped: article.dropped })),
  });
}

/** The articles of an issue whose sending started, in their frozen order (still published ones). */
export async function frozenIssueArticles(reader: Reader, issueId: string): Promise<IssueArticle[]> {
  const items = await reader.newsletterItem.findMany({
    where: { issueId, dropped: false, article: { status: "published" } },
    orderBy: { position: "asc" },
    select: { article: { select: articleSelect } },
  });
  return items.map(({ article }) => ({ ...toIssueArticle(article), dropped: false }));
}
