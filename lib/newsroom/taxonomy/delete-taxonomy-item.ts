// Deleting an author, topic or region that no article uses. One that is used
// is refused with the count: merge it into another instead.
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import { db, type Prisma } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { isItemId } from "./taxonomy-items";
import type { TaxonomyKind } from "./taxonomy-kinds";

export type DeleteResult =
  | { kind: "deleted"; name: string; slug: string }
  | { kind: "in-use"; name: string; articles: number }
  | { kind: "not-found" };

type Row = { id: string; name: string; slug: string };

function lock(tx: Prisma.TransactionClient, kind: TaxonomyKind, id: string): Promise<Row[]> {
  // Locked first: an article being linked to it meanwhile waits, then fails
  // on its foreign key, instead of the count below missing it.
  return kind === "author"
    ? tx.$queryRaw<Row[]>`SELECT id::text, name, slug FROM authors WHERE id = ${id}::uuid FOR UPDATE`
    : tx.$queryRaw<
        Row[]
      >`SELECT id::text, name, slug FROM tags WHERE id = ${id}::uuid AND type = ${kind}::"TagType" FOR UPDATE`;
}

/** Deletes it if no article (published or not) uses it (editors and admins). */
export async function deleteTaxonomyItem(actor: Actor, kind: TaxonomyKind, id: string): Promise<DeleteResult> {
  assertRole(actor, "editor");
  if (!isItemId(id)) return { kind: "not-found" };
  const result = await db().$transaction(async (tx): Promise<DeleteResult> => {
    const [row] = await lock(tx, kind, id);
    if (!row) return { kind: "not-found" };
    const articles =
      kind === "author"
        ? await tx.articleAuthor.count({ where: { authorId: id } })
        : await tx.articleTag.count({ where: { tagId: id } });
    if (articles > 0) return { kind: "in-use", name: row.name, articles };
    if (kind === "author") await tx.author.delete({ where: { id } });
    else await tx.tag.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "taxonomy.delete",
      subject: `${kind} ${row.slug}`,
      details: { name: row.name },
    });
    return { kind: "deleted", name: row.name, slug: row.slug };
  });
  // It may have been in the site's navigation.
  if (result.kind === "deleted") await refreshArticlePages({ taxonomy: true });
  return result;
}
