import Link from "next/link";
import { formatDate, kindLabel } from "@/lib/articles/format";
import { listRelatedArticles } from "@/lib/articles/related-articles";

/**
 * Three articles to read next, at the end of every article page (after the
 * paywall panel for a reader who sees the preview). Styled like the article
 * cards, with the kind, headline, dek and date only: bylines here would
 * repeat the article's own author links under its text.
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
          <article key={article.id} className="article-card">
            <p className="kicker">
              <span>{kindLabel(article.kind)}</span>
              {article.free && <span className="free-badge">Free to read</span>}
            </p>
            <h3 className="article-card-title">
              <Link href={`/articles/${article.slug}`}>{article.title}</Link>
            </h3>
            {article.dek && <p className="dek">{article.dek}</p>}
            <p className="meta">
              <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}
