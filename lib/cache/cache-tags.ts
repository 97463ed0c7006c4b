// The tags that name what the shared read cache holds (lib/cache/shared-read.ts),
// so that a change invalidates exactly what it touched
// (lib/cache/refresh-article-pages.ts). Reads declare their tags here; nothing
// else names them.

/** Every list of articles: the front page, the archive, topic, region and author pages, the feed, the sitemap. */
export const ARTICLE_LISTS = "article-lists";

/** Topics, regions and authors, and everything that shows their names (article headers and cards). */
export const TAXONOMY = "taxonomy";

/** One article's rendered preview, by id. */
export function articleTag(articleId: string): string {
  return `article:${articleId}`;
}

/** What an article address shows (the article, or nothing), by slug. */
export function articleSlugTag(slug: string): string {
  return `article-slug:${slug}`;
}

/** Organisations' IP ranges and periods: what the address matcher holds (lib/organisations/address-organisations.ts). */
export const ORGANISATIONS = "organisations";
