// Old addresses of published articles: slugs an editor changed, which the
// article page answers with a permanent redirect to the article's slug now,
// and the addresses imported posts had at their source (lib/import), which
// the catch-all route app/[...path] answers the same way.
import { db } from "@/lib/db/prisma";
import { normalizeLegacyPath } from "./legacy-path";

type Target = { slug: string; status: string; publishedAt: Date | null } | undefined;

/** The slug of `article` while readers can open it, or null: an old address never reveals a draft. */
function liveSlug(article: Target, now: Date): string | null {
  if (!article || article.status !== "published" || !article.publishedAt || article.publishedAt > now) return null;
  return article.slug;
}

/** The current slug of the live article that once had `slug`, or null. */
export async function findRedirectedSlug(slug: string, now = new Date()): Promise<string | null> {
  const redirect = await db().articleSlugRedirect.findUnique({
    where: { slug },
    select: { article: { select: { slug: true, status: true, publishedAt: true } } },
  });
  return liveSlug(redirect?.article, now);
}

/**
 * The slug of the live article that an imported post had `path` as its
 * address at its source (legacy_paths), or null.
 */
export async function findLegacyPathSlug(path: string, now = new Date()): Promise<string | null> {
  const normalized = normalizeLegacyPath(path);
  if (!normalized) return null;
  const legacy = await db().legacyPath.findUnique({
    where: { path: normalized },
    select: { article: { select: { slug: true, status: true, publishedAt: true } } },
  });
  return liveSlug(legacy?.article, now);
}
