// Old slugs of published articles whose slug an editor changed: the article
// page answers them with a permanent redirect to the article's slug now.
import { db } from "@/lib/db/prisma";

/** The current slug of the live article that once had `slug`, or null. */
export async function findRedirectedSlug(slug: string, now = new Date()): Promise<string | null> {
  const redirect = await db().articleSlugRedirect.findUnique({
    where: { slug },
    select: { article: { select: { slug: true, status: true, publishedAt: true } } },
  });
  const article = redirect?.article;
  if (!article || article.status !== "published" || !article.publishedAt || article.publishedAt > now) return null;
  return article.slug;
}
