// An article's revisions: one per save, listed newest first, each readable on
// its own, and restorable. Restoring saves the old content again, so it is a
// new revision and can itself be undone.
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { ArticleContent, FieldErrors } from "./article-input";
import { chooseSlug } from "./article-slug";
import { isArticleId, lockArticle, type ArticleStatus } from "./editable-article";
import { writeContent } from "./write-content";
import { NEWSROOM_TRANSACTION } from "./transaction-options";

export type RevisionSummary = {
  number: number;
  note: string;
  editor: string;
  createdAt: Date;
  title: string;
  slug: string;
};

export type RevisionList = { revisions: RevisionSummary[]; page: number; pageCount: number; total: number };

export async function listRevisions(
  actor: Actor,
  articleId: string,
  options: { page: number; perPage?: number },
): Promise<RevisionList | null> {
  assertRole(actor, "editor");
  if (!isArticleId(articleId)) return null;
  const perPage = options.perPage ?? 50;
  const [article, revisions, total] = await Promise.all([
    db().article.findUnique({ where: { id: articleId }, select: { id: true } }),
    db().articleRevision.findMany({
      where: { articleId },
      orderBy: { number: "desc" },
      skip: (options.page - 1) * perPage,
      take: perPage,
      select: { number: true, note: true, editor: true, createdAt: true, title: true, slug: true },
    }),
    db().articleRevision.count({ where: { articleId } }),
  ]);
  if (!article) return null;
  return { revisions, page: options.page, pageCount: Math.max(1, Math.ceil(total / perPage)), total };
}

export type Revision = RevisionSummary & { content: ArticleContent };

export async function getRevision(actor: Actor, articleId: string, number: number): Promise<Revision | null> {
  assertRole(actor, "editor");
  if (!isArticleId(articleId) || !Number.isSafeInteger(number)) return null;
  // The body is named: the client leaves it out of queries that do not (lib/db/prisma.ts).
  const row = await db().articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    omit: { body: false },
  });
  if (!row) return null;
  const { title, dek, slug, kind, free, body, authorIds, topicIds, regionIds } = row;
  return {
    number: row.number,
    note: row.note,
    editor: row.editor,
    createdAt: row.createdAt,
    title,
    slug,
    content: { title, dek, slug, kind, free, body, authorIds, topicIds, regionIds },
  };
}

export type RestoreResult =
  | { kind: "restored"; version: number; slug: string; status: ArticleStatus; slugKept: boolean }
  | { kind: "unchanged"; version: number }
  | { kind: "invalid"; fieldErrors: FieldErrors }
  | { kind: "not-found" };

/**
 * Makes revision `number` the article's content again, as a new revision.
 * Authors and tags deleted since are left out; a slug another article has
 * taken since is not taken back (the article keeps its current one).
 */
export async function restoreRevision(actor: Actor, articleId: string, number: number): Promise<RestoreResult> {
  assertRole(actor, "editor");
  const revision = await getRevision(actor, articleId, number);
  if (!revision) return { kind: "not-found" };
  const outcome = await db().$transaction(async (tx) => {
    const current = await lockArticle(tx, articleId);
    if (!current) return { result: { kind: "not-found" } as RestoreResult, refreshSlugs: [] as string[] };
    const wanted = { ...revision.content };
    // One statement at a time: a transaction is one connection.
    const authors = await tx.author.findMany({ where: { id: { in: wanted.authorIds } }, select: { id: true } });
    const topics = await tx.tag.findMany({
      where: { id: { in: wanted.topicIds }, type: "topic" },
      select: { id: true },
    });
    const regions = await tx.tag.findMany({
      where: { id: { in: wanted.regionIds }, type: "region" },
      select: { id: true },
    });
    const still = (ids: string[], rows: { id: string }[]) => ids.filter((id) => rows.some((row) => row.id === id));
    wanted.authorIds = still(wanted.authorIds, authors);
    wanted.topicIds = still(wanted.topicIds, topics);
    wanted.regionIds = still(wanted.regionIds, regions);
    let slugKept = false;
    if (wanted.slug !== current.content.slug) {
      const choice = await chooseSlug(tx, { articleId, requested: wanted.slug, title: wanted.title });
      if (!choice.ok) {
        wanted.slug = current.content.slug;
        slugKept = true;
      }
    }
    const written = await writeContent(tx, actor, current, wanted, `restored revision ${number}`);
    if (written.kind === "invalid") return { result: written as RestoreResult, refreshSlugs: [] };
    if (written.kind === "unchanged")
      return { result: { kind: "unchanged", version: current.version } as RestoreResult, refreshSlugs: [] };
    const { article } = written;
    const live = article.status === "published";
    return {
      result: {
        kind: "restored",
        version: article.version,
        slug: article.content.slug,
        status: article.status,
        slugKept,
      } as RestoreResult,
      refreshSlugs: live ? [...new Set([written.previousSlug, article.content.slug])] : [],
    };
  }, NEWSROOM_TRANSACTION);
  if (outcome.refreshSlugs.length > 0)
    await refreshArticlePages({ articleIds: [articleId], slugs: outcome.refreshSlugs });
  return outcome.result;
}
