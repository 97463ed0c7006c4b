// Reading authors, topics and regions for the newsroom, with how many
// articles (any status) each is on.
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { TaxonomyKind } from "./taxonomy-kinds";

export type TaxonomyItem = {
  id: string;
  kind: TaxonomyKind;
  slug: string;
  name: string;
  /** Authors only ("Europe editor"); "" for topics and regions. */
  role: string;
  bio: string;
  /** Topics and regions only. */
  description: string;
  articleCount: number;
};

const uuid = z.uuid();

/** Whether `id` can name a row at all: anything else is "not found", not a database error. */
export function isItemId(id: string): boolean {
  return uuid.safeParse(id).success;
}

type AuthorRow = { id: string; slug: string; name: string; role: string; bio: string; _count: { articles: number } };
type TagRow = { id: string; slug: string; name: string; description: string; _count: { articles: number } };

export function fromAuthor(row: AuthorRow): TaxonomyItem {
  return {
    id: row.id,
    kind: "author",
    slug: row.slug,
    name: row.name,
    role: row.role,
    bio: row.bio,
    description: "",
    articleCount: row._count.articles,
  };
}

export function fromTag(kind: "topic" | "region", row: TagRow): TaxonomyItem {
  return {
    id: row.id,
    kind,
    slug: row.slug,
    name: row.name,
    role: "",
    bio: "",
    description: row.description,
    articleCount: row._count.articles,
  };
}

const withCount = { _count: { select: { articles: true } } } as const;

/** Every author, topic or region by name, with its article count (editors and admins). */
export async function listTaxonomyItems(actor: Actor, kind: TaxonomyKind): Promise<TaxonomyItem[]> {
  assertRole(actor, "editor");
  if (kind === "author") {
    const rows = await db().author.findMany({ orderBy: [{ name: "asc" }, { slug: "asc" }], include: withCount });
    return rows.map(fromAuthor);
  }
  const rows = await db().tag.findMany({
    where: { type: kind },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    include: withCount,
  });
  return rows.map((row) => fromTag(kind, row));
}

export async function getTaxonomyItem(actor: Actor, kind: TaxonomyKind, id: string): Promise<TaxonomyItem | null> {
  assertRole(actor, "editor");
  if (!isItemId(id)) return null;
  if (kind === "author") {
    const row = await db().author.findUnique({ where: { id }, include: withCount });
    return row ? fromAuthor(row) : null;
  }
  const row = await db().tag.findFirst({ where: { id, type: kind }, include: withCount });
  return row ? fromTag(kind, row) : null;
}
