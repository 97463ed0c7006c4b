// The authors, tags and categories of an import. Each is matched, in turn, to
// what an earlier import of the same source made of it (imported_items), to
// an author or tag already in Folio with its slug, or else created; so a
// newsroom that set up its topics before importing gets its own topics used.
// An imported name is not written over later: the newsroom may have renamed it.
import { slugify } from "@/lib/articles/slugify";
import type { Prisma } from "@/lib/db/generated/client";
import type { ImportMapping } from "./import-mapping";
import type { ImportReport } from "./import-report";
import type { ImportedAuthor, ImportedTerm } from "./import-source";

type Tx = Prisma.TransactionClient;

export type TermTarget = { id: string; type: "topic" | "region" };

/** What a dry run uses for things it would create: no row has these ids. */
const wouldCreate = (key: string) => `would-create:${key}`;

async function previouslyImported(tx: Tx, source: string, kind: string, key: string): Promise<string | null> {
  const item = await tx.importedItem.findUnique({
    where: { source_kind_externalKey: { source, kind, externalKey: key } },
    select: { targetId: true },
  });
  return item?.targetId ?? null;
}

async function remember(tx: Tx, source: string, kind: string, key: string, targetId: string): Promise<void> {
  await tx.importedItem.upsert({
    where: { source_kind_externalKey: { source, kind, externalKey: key } },
    create: { source, kind, externalKey: key, targetId, contentHash: "" },
    update: { targetId },
  });
}

/** The Folio author for `author`: its id (a placeholder in a dry run when it would be created). */
export async function importAuthor(
  tx: Tx,
  source: string,
  author: ImportedAuthor,
  report: ImportReport,
): Promise<string> {
  const earlier = await previouslyImported(tx, source, "author", author.key);
  if (earlier && (await tx.author.count({ where: { id: earlier } })) === 1) {
    report.authors.existing += 1;
    return earlier;
  }
  const name = author.name.trim().slice(0, 200) || author.slug;
  const slug = slugify(author.slug) || slugify(name) || `author-${slugify(author.key) || "imported"}`;
  const existing = await tx.author.findUnique({ where: { slug }, select: { id: true } });
  let id = existing?.id;
  if (id) report.authors.existing += 1;
  else {
    report.authors.created += 1;
    if (report.dryRun) return wouldCreate(`author:${author.key}`);
    id = (await tx.author.create({ data: { slug, name, bio: author.bio.slice(0, 2_000) }, select: { id: true } })).id;
  }
  if (!report.dryRun) await remember(tx, source, "author", author.key, id);
  return id;
}

/** The topic or region for `term`, or null when the mapping leaves it out. */
export async function importTerm(
  tx: Tx,
  source: string,
  term: ImportedTerm,
  mapping: ImportMapping,
  report: ImportReport,
): Promise<TermTarget | null> {
  const sourceSlug = term.slug.trim().toLowerCase();
  if (mapping.skip.has(sourceSlug)) return null;
  const type = mapping.regions.has(sourceSlug) ? "region" : "topic";
  const counts = type === "region" ? report.regions : report.topics;
  const earlier = await previouslyImported(tx, source, "term", term.key);
  if (earlier && (await tx.tag.count({ where: { id: earlier, type } })) === 1) {
    counts.existing += 1;
    return { id: earlier, type };
  }
  const name = term.name.trim().slice(0, 200) || term.slug;
  const slug = slugify(sourceSlug) || slugify(name) || `${type}-${slugify(term.key) || "imported"}`;
  const existing = await tx.tag.findUnique({ where: { type_slug: { type, slug } }, select: { id: true } });
  let id = existing?.id;
  if (id) counts.existing += 1;
  else {
    counts.created += 1;
    if (report.dryRun) return { id: wouldCreate(`term:${term.key}`), type };
    id = (await tx.tag.create({ data: { type, slug, name }, select: { id: true } })).id;
  }
  if (!report.dryRun) await remember(tx, source, "term", term.key, id);
  return { id, type };
}
