// The one place that refreshes what readers are served after an article
// changes (published, edited, unpublished, scheduled publishing going live).
// Every page is rendered per request for now (force-dynamic), so revalidating
// the whole tree is all it takes; the caching issue narrows this to tags.
import { revalidatePath } from "next/cache";

export type ArticleChange = { articleIds?: string[]; slugs?: string[] };

export function refreshArticlePages(_change: ArticleChange): void {
  try {
    revalidatePath("/", "layout");
  } catch {
    // Outside a request (a scheduled job) there is no render cache to purge.
  }
}
