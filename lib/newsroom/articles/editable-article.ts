// An article as the newsroom sees it: everything an editor edits, with its
// status and version. Unlike the reader-facing queries this reads the whole
// body, which is why it is only reached through role-checked operations.
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/db/generated/client";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { ArticleContent } from "./article-input";

export { sameContent } from "./same-content";

export type ArticleStatus = "draft" | "scheduled" | "published";

export type EditableArticle = {
  id: string;
  version: number;
  status: ArticleStatus;
  /** When it went live, or goes live when scheduled; null for a draft. */
  publishedAt: Date | null;
  firstPublished: Date | null;
  createdAt: Date;
  updatedAt: Date;
  content: ArticleContent;
};

const editableSelect = {
  id: true,
  version: true,
  status: true,
  publishedAt: true,
  firstPublished: true,
  createdAt: true,
  updatedAt: true,
  title: true,
  dek: true,
  slug: true,
  kind: true,
  free: true,
  body: true,
  authors: { orderBy: { position: "asc" }, select: { authorId: true } },
  tags: { select: { tagId: true, tag: { select: { type: true, name: true } } } },
} satisfies Prisma.ArticleSelect;

type Row = Prisma.ArticleGetPayload<{ select: typeof editableSelect }>;

function toEditable(row: Row): EditableArticle {
  // Tags by name, so that comparing two saves does not depend on row order.
  const tags = [...row.tags].sort((a, b) => a.tag.name.localeCompare(b.tag.name) || a.tagId.localeCompare(b.tagId));
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    publishedAt: row.publishedAt,
    firstPublished: row.firstPublished,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    content: {
      title: row.title,
      dek: row.dek,
      slug: row.slug,
      kind: row.kind,
      free: row.free,
      authorIds: row.authors.map((author) => author.authorId),
      topicIds: tags.filter((tag) => tag.tag.type === "topic").map((tag) => tag.tagId),
      regionIds: tags.filter((tag) => tag.tag.type === "region").map((tag) => tag.tagId),
      body: row.body,
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can name an article at all (route parameters come from anyone). */
export function isArticleId(id: string): boolean {
  return UUID.test(id);
}

/**
 * Locks the article's row for the rest of the transaction and reads it: the
 * changes that follow (a save, publishing) are decided on what is stored now.
 */
export async function lockArticle(tx: Prisma.TransactionClient, id: string): Promise<EditableArticle | null> {
  if (!isArticleId(id)) return null;
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text AS id FROM articles WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return toEditable(await tx.article.findUniqueOrThrow({ where: { id }, select: editableSelect }));
}

export async function getEditableArticle(actor: Actor, id: string): Promise<EditableArticle | null> {
  assertRole(actor, "editor");
  if (!isArticleId(id)) return null;
  const row = await db().article.findUnique({ where: { id }, select: editableSelect });
  return row ? toEditable(row) : null;
}

/** Whether readers have ever been able to open it: from then on its links must keep working. */
export function hasBeenPublic(article: Pick<EditableArticle, "status" | "firstPublished">): boolean {
  return article.status === "published" || article.firstPublished !== null;
}
