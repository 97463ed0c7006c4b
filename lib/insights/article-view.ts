// What an article page tells the web server about the view it rendered, for
// the insights counter (server/count-article-views.ts): the article, who it
// was rendered for (as a kind, never a person) and whether the paywall panel
// was on it. The page cache keeps this with the page, so a page served from
// the cache is counted like a rendered one.
import { currentRequestContext, type ArticleView } from "@/lib/observability/request-context";

export type { ArticleView };

export function declareArticleView(view: ArticleView): void {
  const context = currentRequestContext();
  if (context) context.articleView = view;
}
