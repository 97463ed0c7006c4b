// Merging one author, topic or region into another: its articles move to the
// other, then it is deleted, all in one transaction. An article that had
// both keeps one link; a byline that named both authors keeps the merged
// author in the earlier of the two places.
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import { db, type Prisma } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { isItemId } from "./taxonomy-items";
import type { TaxonomyKind } from "./taxonomy-kinds";

export type MergeResult =
  | {
      kind: "merged";
      from: { id: string; name: string; slug: string };
      into: { id: string; name: string; slug: string };
      articleIds: string[];
    }
  | { kind: "same" }
  | { kind: "not-found"; which: "from" | "into" };

type Row = { id: string; name: string; slug: string };

/**
 * Locks both rows, in id order so that two opposite merges cannot deadlock.
 * The lock also makes an editor who links an article to the merged row
 * meanwhile wait, then fail on its foreign key, rather than leave a link to
 * a deleted row.
 */
async function lockBoth(tx: Prisma.TransactionClient, kind: TaxonomyKind, ids: [string, string]): Promise<Row[]> {
  return kind === "author"
    ? tx.$queryRaw<Row[]>`
        SELECT id::text, name, slug FROM authors WHERE id IN (${ids[0]}::uuid, ${ids[1]}::uuid) ORDER BY id FOR UPDATE`
    : tx.$queryRaw<Row[]>`
        SELECT id::text, name, slug FROM tags
        WHERE id IN (${ids[0]}::uuid, ${ids[1]}::uuid) AND type = ${kind}::"TagType" ORDER BY id FOR UPDATE`;
}

async function moveAuthorLinks(tx: Prisma.TransactionClient, fromId: string, intoId: string): Promise<string[]> {
  const moved = await tx.$queryRaw<{ article_id: string }[]>`
    SELECT article_id::text FROM article_authors WHERE author_id = ${fromId}::uuid`;
  // On a byline with both, the kept author takes the earlier place.
  await tx.$executeRaw`
    UPDATE article_authors AS kept SET position = LEAST(kept.position, gone.position)
    FROM article_authors AS gone
    WHERE kept.author_id = ${intoId}::uuid AND gone.author_id = ${fromId}::uuid AND gone.article_id = kept.article_id`;
  await tx.$executeRaw`
    DELETE FROM article_authors AS gone
    WHERE gone.author_id = ${fromId}::uuid
      AND EXISTS (SELECT 1 FROM article_authors kept WHERE kept.article_id = gone.article_id AND kept.author_id = ${intoId}::uuid)`;
  await tx.$executeRaw`UPDATE article_authors SET author_id = ${intoId}::uuid WHERE author_id = ${fromId}::uuid`;
  await tx.$executeRaw`DELETE FROM authors WHERE id = ${fromId}::uuid`;
  return moved.map((row) => row.article_id);
}

async function moveTagLinks(tx: Prisma.TransactionClient, fromId: string, intoId: string): Promise<string[]> {
  const moved = await tx.$queryRaw<{ article_id: string }[]>`
    SELECT article_id::text FROM article_tags WHERE tag_id = ${fromId}::uuid`;
  await tx.$executeRaw`
    INSERT INTO article_tags (article_id, tag_id)
    SELECT article_id, ${intoId}::uuid FROM article_tags WHERE tag_id = ${fromId}::uuid
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`DELETE FROM article_tags WHERE tag_id = ${fromId}::uuid`;
  await tx.$executeRaw`DELETE FROM tags WHERE id = ${fromId}::uuid`;
  return moved.map((row) => row.article_id);
}

/** Merges `fromId` into `intoId` (editors and admins). */
export async function mergeTaxonomyItems(
  actor: Actor,
  kind: TaxonomyKind,
  input: { fromId: string; intoId: string },
): Promise<MergeResult> {
  assertRole(actor, "editor");
  const { fromId, intoId } = input;
  if (!isItemId(fromId)) return { kind: "not-found", which: "from" };
  if (!isItemId(intoId)) return { kind: "not-found", which: "into" };
  if (fromId === intoId) return { kind: "same" };
  const result = await db().$transaction(async (tx): Promise<MergeResult> => {
    const rows = await lockBoth(tx, kind, [fromId, intoId].sort() as [string, string]);
    const from = rows.find((row) => row.id === fromId);
    const into = rows.find((row) => row.id === intoId);
    if (!from) return { kind: "not-found", which: "from" };
    if (!into) return { kind: "not-found", which: "into" };
    const articleIds =
      kind === "author" ? await moveAuthorLinks(tx, fromId, intoId) : await moveTagLinks(tx, fromId, intoId);
    await recordAudit(tx, actor, {
      action: "taxonomy.merge",
      subject: `${kind} ${from.slug}`,
      details: { into: into.slug, articles: articleIds.length },
    });
    return { kind: "merged", from, into, articleIds };
  });
  if (result.kind === "merged") await refreshArticlePages({ articleIds: result.articleIds, taxonomy: true });
  return result;
}
