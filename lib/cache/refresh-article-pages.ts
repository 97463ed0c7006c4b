// The one place that refreshes what readers are served after an article or
// the taxonomy changes (published, edited, unpublished, scheduled publishing
// going live; a topic, region or author edited, merged or deleted). Pages are
// rendered per request; what is cached is the reads under them
// (lib/cache/shared-read.ts), and this invalidates their tags on every server.
// Awaited before the change is answered, so the editor's next page is fresh.
import { ARTICLE_LISTS, articleSlugTag, articleTag, TAXONOMY } from "./cache-tags";
import { invalidateTags } from "./invalidate-tags";

export type ArticleChange = {
  articleIds?: string[];
  /** Every address the change affects: an edited slug's old one too. */
  slugs?: string[];
  /** Names of topics, regions or authors changed (they show on every article that has them). */
  taxonomy?: boolean;
};

export function tagsToRefresh(change: ArticleChange): string[] {
  return [
    ARTICLE_LISTS,
    ...(change.taxonomy ? [TAXONOMY] : []),
    ...(change.articleIds ?? []).map(articleTag),
    ...(change.slugs ?? []).map(articleSlugTag),
  ];
}

export async function refreshArticlePages(change: ArticleChange): Promise<void> {
  await invalidateTags(tagsToRefresh(change));
}
