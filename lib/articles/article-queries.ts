// Reads of published articles for the reader-facing site. None of these
// selects article text: that is read only through lib/access/read-article.ts,
// which asks for the gated part only when the access decision allows it.
// What every reader sees alike is cached across requests (sharedRead) under
// the tags of lib/cache/cache-tags.ts; the newsroom's changes invalidate them
// (lib/cache/refresh-article-pages.ts).
import { cache } from "react";
import { ARTICLE_LISTS, articleSlugTag, TAXONOMY } from "@/lib/cache/cache-tags";
import { sharedRead } from "@/lib/cache/shared-read";
import { db, type Prisma } from "@/lib/db/prisma";

export type ArticleKind = "daily" | "in_depth";
export type TagRef = { slug: string; name: string };
export type AuthorRef = { slug: string; name: string };

/** An article's lead image: the stored image (lib/media) and this article's words about it. */
export type LeadImage = { key: string; width: number; height: number; alt: string; caption: string; credit: string };

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
  leadImage: LeadImage | null;
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
  leadImage: { select: { key: true, width: true, height: true } },
  leadImageAlt: true,
  leadImageCaption: true,
  leadImageCredit: true,
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
    leadImage: row.leadImage
      ? { ...row.leadImage, alt: row.leadImageAlt, caption: row.leadImageCaption, credit: row.leadImageCredit }
      : null,
  };
}

/** Published, and not scheduled for later. */
function visibleNow(): Prisma.ArticleWhereInput {
  return { status: "published", publishedAt: { lte: new Date() } };
}

const newestFirst = [{ publishedAt: "desc" }, { id: "asc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];

// Cached across requests by slug (an unknown slug too: a scheduled article's
// address answers 404 until its publication invalidates the slug), and per
// request on top: the article page and its metadata both ask. The summary
// shows author and tag names, hence TAXONOMY.
export const getArticleBySlug = cache(
  sharedRead(
    async (slug: string): Promise<ArticleSummary | null> => {
      const row = await db().article.findFirst({ where: { slug, ...visibleNow() }, select: summarySelect });
      return row ? toSummary(row) : null;
    },
    { name: "article-by-slug", tags: (slug) => [articleSlugTag(slug), TAXONOMY] },
  ),
);

/** Summaries of the visible articles among `ids` (a page of search results), by id. */
export async function getArticleSummaries(ids: string[]): Promise<Map<string, ArticleSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db().article.findMany({ where: { id: { in: ids }, ...visibleNow() }, select: summarySelect });
  return new Map(rows.map((row) => [row.id, toSummary(row)]));
}

export type ArticlePage = { articles: ArticleSummary[]; total: number; page: number; pageCount: number };

const listTags = () => [ARTICLE_LISTS, TAXONOMY];

async function readListPage(where: Prisma.ArticleWhereInput, page: number, pageSize: number): Promise<ArticlePage> {
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

// The filter is part of the cache key: plain JSON (ids), no dates; visibleNow()
// is added inside the read.
const listPage = sharedRead(readListPage, { name: "article-list-page", tags: listTags });

export function listArchive(page: number, pageSize = 20): Promise<ArticlePage> {
  return listPage({}, page, pageSize);
}

export function listByTag(tagId: string, page: number, pageSize = 20): Promise<ArticlePage> {
  return listPage({ tags: { some: { tagId } } }, page, pageSize);
}

export function listByAuthor(authorId: string, page: number, pageSize = 20): Promise<ArticlePage> {
  return listPage({ authors: { some: { authorId } } }, page, pageSize);
}

export const listLatest = sharedRead(
  async (options: { kind?: ArticleKind; limit: number }): Promise<ArticleSummary[]> => {
    const rows = await db().article.findMany({
      where: { ...visibleNow(), ...(options.kind ? { kind: options.kind } : {}) },
      select: summarySelect,
      orderBy: newestFirst,
      take: options.limit,
    });
    return rows.map(toSummary);
  },
  { name: "latest-articles", tags: listTags },
);

/** Slugs and dates of every visible article, for the sitemap. */
export const listAllForSitemap = sharedRead(
  async (): Promise<{ slug: string; updatedAt: Date }[]> =>
    db().article.findMany({
      where: visibleNow(),
      select: { slug: true, updatedAt: true },
      orderBy: newestFirst,
    }),
  { name: "sitemap-articles", tags: () => [ARTICLE_LISTS] },
);
