// An article's slug: made from the headline unless the editor writes one,
// unique among articles, and never one that an older link of another article
// still uses (those are kept as redirects; see slug-redirects).
import type { Prisma } from "@/lib/db/generated/client";
import { slugify } from "@/lib/articles/slugify";

type Tx = Prisma.TransactionClient;

// One advisory lock for every slug decision: checking that a slug is free and
// taking it happen under it, so two editors cannot both be told a slug is free.
// (The unique index on articles.slug stays the last word.)
const SLUG_LOCK = 7_100_701;

/** Taken before deciding any slug; held to the end of the transaction. */
export async function lockSlugs(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${SLUG_LOCK}::bigint)) AS taken`;
}

/** What keeps `slug` from `articleId`: another article, another article's old link, or nothing. */
export async function slugHolder(
  tx: Tx,
  slug: string,
  articleId: string | null,
): Promise<"article" | "redirect" | null> {
  const article = await tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (article && article.id !== articleId) return "article";
  const redirect = await tx.articleSlugRedirect.findUnique({ where: { slug }, select: { articleId: true } });
  if (redirect && redirect.articleId !== articleId) return "redirect";
  return null;
}

export type SlugChoice = { ok: true; slug: string } | { ok: false; message: string };

export const SLUG_TAKEN = "Another article has this slug. Choose another.";
export const SLUG_KEPT_AS_REDIRECT = "Another article's old links use this slug. Choose another.";

/**
 * The slug for `articleId` (null for a new article): `requested` when it is
 * free, or, when the editor left it empty, one made from the title with a
 * number added until it is free. Call inside the transaction that saves it.
 */
export async function chooseSlug(
  tx: Tx,
  options: { articleId: string | null; requested: string; title: string },
): Promise<SlugChoice> {
  await lockSlugs(tx);
  if (options.requested !== "") {
    const holder = await slugHolder(tx, options.requested, options.articleId);
    if (holder === "article") return { ok: false, message: SLUG_TAKEN };
    if (holder === "redirect") return { ok: false, message: SLUG_KEPT_AS_REDIRECT };
    return { ok: true, slug: options.requested };
  }
  const base = slugify(options.title) || "article";
  for (let n = 1; n <= 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 100).replace(/-+$/, "")}-${n}`;
    if (!(await slugHolder(tx, candidate, options.articleId))) return { ok: true, slug: candidate };
  }
  return { ok: false, message: "Every slug made from this headline is taken. Write one." };
}
