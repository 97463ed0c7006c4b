import { listRelatedArticles } from "@/lib/articles/related-articles";
import { ArticleCard } from "./article-card";

/**
 * Three articles to read next, at the end of every article page (after the
 * paywall panel for a reader who sees the preview): the article cards,
 * without bylines, which would repeat the article's own author links under
 * its text.
 */
export async function RelatedArticles({ articleId }: { articleId: string }) {
  const related = await listRelatedArticles(articleId);
  if (related.length === 0) return null;
  return (
    <section className="related-articles" aria-labelledby="related-title">
      <h2 id="related-title" className="section-title">
        Related reading
      </h2>
      <div className="card-grid">
        {related.map((article) => (
          <ArticleCard key={article.id} article={article} showByline={false} />
        ))}
      </div>
    </section>
  );
}
