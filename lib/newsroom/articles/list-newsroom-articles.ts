// The newsroom's list of articles: every status, filtered by status and by
// words in the headline. Drafts come first (newest first), then scheduled and
// published articles by their publication time, newest first.
import { db, type Prisma } from "@/lib/db/prisma";
import { assertRole, type Actor } from "../actor";
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

export async function listNewsroomArticles(
  actor: Actor,
  options: { status?: ArticleStatus; query?: string; page: number; perPage?: number },
): Promise<NewsroomArticlePage> {
  assertRole(actor, "editor");
  const perPage = options.perPage ?? 25;
  const query = options.query?.trim() ?? "";
  const where: Prisma.ArticleWhereInput = {
    ...(options.status ? { status: options.status } : {}),
    ...(query ? { title: { contains: query, mode: "insensitive" } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().article.findMany({
      where,
      orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
      skip: (options.page - 1) * perPage,
      take: perPage,
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
    }),
    db().article.count({ where }),
  ]);
  return {
    articles: rows.map(({ authors, ...row }) => ({ ...row, authors: authors.map(({ author }) => author.name) })),
    total,
    page: options.page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}
