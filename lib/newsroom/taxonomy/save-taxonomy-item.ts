// Creating and editing an author, topic or region. Slugs are unique per kind
// (a topic and a region may share one); a race between two editors choosing
// the same slug is settled by the unique index, and answered the same way.
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import { db, Prisma } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { parseTaxonomyInput, type FieldErrors, type TaxonomyField, type TaxonomyFields } from "./taxonomy-input";
import { fromAuthor, fromTag, isItemId, type TaxonomyItem } from "./taxonomy-items";
import { TAXONOMY_KINDS, type TaxonomyKind } from "./taxonomy-kinds";

export type SaveResult =
  | { kind: "saved"; item: TaxonomyItem }
  /** `problem` names the first thing wrong, for a form's notice. */
  | { kind: "invalid"; problem: TaxonomyProblem; errors: FieldErrors }
  | { kind: "not-found" };

export type TaxonomyProblem = "slug-taken" | `invalid-${TaxonomyField}`;

const withCount = { _count: { select: { articles: true } } } as const;

function slugTaken(kind: TaxonomyKind, slug: string): SaveResult {
  return {
    kind: "invalid",
    problem: "slug-taken",
    errors: { slug: `Another ${TAXONOMY_KINDS[kind].singular} already has the slug “${slug}”.` },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function slugInUse(kind: TaxonomyKind, slug: string, exceptId: string | null): Promise<boolean> {
  const not = exceptId ? { NOT: { id: exceptId } } : {};
  const found =
    kind === "author"
      ? await db().author.findFirst({ where: { slug, ...not }, select: { id: true } })
      : await db().tag.findFirst({ where: { type: kind, slug, ...not }, select: { id: true } });
  return found !== null;
}

async function write(kind: TaxonomyKind, id: string | null, fields: TaxonomyFields): Promise<TaxonomyItem | null> {
  if (kind === "author") {
    const data = { slug: fields.slug, name: fields.name, role: fields.role, bio: fields.bio };
    if (!id) return fromAuthor(await db().author.create({ data, include: withCount }));
    const updated = await db().author.updateManyAndReturn({ where: { id }, data, select: { id: true } });
    if (updated.length === 0) return null;
    return fromAuthor(await db().author.findUniqueOrThrow({ where: { id }, include: withCount }));
  }
  const data = { slug: fields.slug, name: fields.name, description: fields.description };
  if (!id) return fromTag(kind, await db().tag.create({ data: { ...data, type: kind }, include: withCount }));
  const updated = await db().tag.updateManyAndReturn({ where: { id, type: kind }, data, select: { id: true } });
  if (updated.length === 0) return null;
  return fromTag(kind, await db().tag.findUniqueOrThrow({ where: { id }, include: withCount }));
}

async function linkedArticleIds(kind: TaxonomyKind, id: string): Promise<string[]> {
  const rows =
    kind === "author"
      ? await db().articleAuthor.findMany({ where: { authorId: id }, select: { articleId: true } })
      : await db().articleTag.findMany({ where: { tagId: id }, select: { articleId: true } });
  return rows.map((row) => row.articleId);
}

async function save(actor: Actor, kind: TaxonomyKind, id: string | null, raw: unknown): Promise<SaveResult> {
  assertRole(actor, "editor");
  if (id !== null && !isItemId(id)) return { kind: "not-found" };
  const parsed = parseTaxonomyInput(kind, raw);
  if (!parsed.ok) {
    const first = Object.keys(parsed.errors)[0] as TaxonomyField;
    return { kind: "invalid", problem: `invalid-${first}`, errors: parsed.errors };
  }
  if (await slugInUse(kind, parsed.fields.slug, id)) return slugTaken(kind, parsed.fields.slug);
  let item: TaxonomyItem | null;
  try {
    item = await write(kind, id, parsed.fields);
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(kind, parsed.fields.slug);
    throw error;
  }
  if (!item) return { kind: "not-found" };
  // Names and slugs show on article pages, bylines, listings and the navigation.
  await refreshArticlePages({ articleIds: await linkedArticleIds(kind, item.id), taxonomy: true });
  return { kind: "saved", item };
}

export function createTaxonomyItem(actor: Actor, kind: TaxonomyKind, raw: unknown): Promise<SaveResult> {
  return save(actor, kind, null, raw);
}

export function updateTaxonomyItem(actor: Actor, kind: TaxonomyKind, id: string, raw: unknown): Promise<SaveResult> {
  return save(actor, kind, id, raw);
}
