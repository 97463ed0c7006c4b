import Link from "next/link";
import type { ArticleSummary } from "@/lib/articles/article-queries";
import { formatDate, kindLabel } from "@/lib/articles/format";
import { Byline } from "./byline";

export function ArticleCard({ article, lead = false }: { article: ArticleSummary; lead?: boolean }) {
  return (
    <article className={lead ? "article-card article-card-lead" : "article-card"}>
      <p className="kicker">
        <span>{kindLabel(article.kind)}</span>
        {article.free && <span className="free-badge">Free to read</span>}
      </p>
      <h3 className="article-card-title">
        <Link href={`/articles/${article.slug}`}>{article.title}</Link>
      </h3>
      {article.dek && <p className="dek">{article.dek}</p>}
      <p className="meta">
        <Byline authors={article.authors} /> ·{" "}
        <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
      </p>
    </article>
  );
}
