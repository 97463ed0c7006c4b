// Reads of published articles for the reader-facing site. None of these
// selects the body: article text is read only through loadArticleText, which
// asks for the gated part only when the access decision allows it.
import { cache } from "react";
import { db, type Prisma } from "@/lib/db/prisma";

export type ArticleKind = "daily" | "in_depth";
export type TagRef = { slug: string; name: string };
export type AuthorRef = { slug: string; name: string };

export type ArticleSummary = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  kind: ArticleKind;
  free: boolean;
  publishedAt: Date;
  updatedAt: Date;
  authors: AuthorRef[];
  topics: TagRef[];
  regions: TagRef[];
};

const summarySelect = {
  id: true,
  slug: true,
  title: true,
  dek: true,
  kind: true,
  free: true,
  publishedAt: true,
  updatedAt: true,
  authors: { orderBy: { position: "asc" }, select: { author: { select: { slug: true, name: true } } } },
  tags: { select: { tag: { select: { type: true, slug: true, name: true } } } },
} satisfies Prisma.ArticleSelect;

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): ArticleSummary {
  const tags = row.tags.map(({ tag }) => tag).sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    kind: row.kind,
    free: row.free,
    // Visible articles always have a publication time (see visibleNow).
    publishedAt: row.publishedAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    authors: row.authors.map(({ author }) => author),
    topics: tags.filter((tag) => tag.type === "topic").map(({ slug, name }) => ({ slug, name })),
    regions: tags.filter((tag) => tag.type === "region").map(({ slug, name }) => ({ slug, name })),
  };
}

/** Published, and not scheduled for later. */
function visibleNow(): Prisma.ArticleWhereInput {
  return { status: "published", publishedAt: { lte: new Date() } };
}

const newestFirst = [{ publishedAt: "desc" }, { id: "asc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];

// Cached per request: the article page and its metadata both ask.
export const getArticleBySlug = cache(async (slug: string): Promise<ArticleSummary | null> => {
  const row = await db().article.findFirst({ where: { slug, ...visibleNow() }, select: summarySelect });
  return row ? toSummary(row) : null;
});

/** Summaries of the visible articles among `ids` (a page of search results), by id. */
export async function getArticleSummaries(ids: string[]): Promise<Map<string, ArticleSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db().article.findMany({ where: { id: { in: ids }, ...visibleNow() }, select: summarySelect });
  return new Map(rows.map((row) => [row.id, toSummary(row)]));
}

export type ArticlePage = { articles: ArticleSummary[]; total: number; page: number; pageCount: number };

async function listPage(where: Prisma.ArticleWhereInput, page: number, pageSize: number): Promise<ArticlePage> {
  const filter = { ...visibleNow(), ...where };
  const [rows, total] = await Promise.all([
    db().article.findMany({
      where: filter,
      select: summarySelect,
      orderBy: newestFirst,
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db().article.count({ where: filter }),
  ]);
  return { articles: rows.map(toSummary), total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export function listArchive(page: number, pageSize = 20): Promise<ArticlePage> {
  return listPage({}, page, pageSize);
}

export function listByTag(tagId: string, page: number, pageSize = 20): Promise<ArticlePage> {
  return listPage({ tags: { some: { tagId } } }, page, pageSize);
}

export function listByAuthor(authorId: string, page: number, pageSize = 20): Promise<ArticlePage> {
  return listPage({ authors: { some: { authorId } } }, page, pageSize);
}

export async function listLatest(options: { kind?: ArticleKind; limit: number }): Promise<ArticleSummary[]> {
  const rows = await db().article.findMany({
    where: { ...visibleNow(), ...(options.kind ? { kind: options.kind } : {}) },
    select: summarySelect,
    orderBy: newestFirst,
    take: options.limit,
  });
  return rows.map(toSummary);
}

/** Slugs and dates of every visible article, for the sitemap. */
export async function listAllForSitemap(): Promise<{ slug: string; updatedAt: Date }[]> {
  return db().article.findMany({
    where: visibleNow(),
    select: { slug: true, updatedAt: true },
    orderBy: newestFirst,
  });
}
