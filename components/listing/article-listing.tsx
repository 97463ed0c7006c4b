import { notFound } from "next/navigation";
import type { ArticlePage } from "@/lib/articles/article-queries";
import { ArticleCard } from "@/components/article/article-card";
import { Pagination } from "./pagination";

/** A titled, paginated list of articles: archive, topic, region, author. */
export function ArticleListing({
  eyebrow,
  title,
  description,
  basePath,
  result,
}: {
  eyebrow: string;
  title: string;
  description?: string;
  basePath: string;
  result: ArticlePage;
}) {
  // A page past the end does not exist (page 1 always does, even when empty).
  if (result.page > result.pageCount) notFound();
  return (
    <div className="listing">
      <header className="listing-header">
        <p className="kicker">{eyebrow}</p>
        <h1>{title}</h1>
        {description && <p className="dek">{description}</p>}
        <p className="meta">
          {result.total} {result.total === 1 ? "article" : "articles"}
        </p>
      </header>
      {result.articles.length === 0 ? (
        <p>Nothing has been published here yet.</p>
      ) : (
        <div className="card-list">
          {result.articles.map((article) => (
            <ArticleCard key={article.id} article={article} headingLevel={2} />
          ))}
        </div>
      )}
      <Pagination basePath={basePath} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
