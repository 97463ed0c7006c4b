import type { ArticleSummary } from "@/lib/articles/article-queries";
import { formatDate, kindLabel } from "@/lib/articles/format";
import { Byline } from "./byline";
import { LeadImageFigure } from "./lead-image";
import { TagList } from "./tag-list";

export function ArticleHeader({ article }: { article: ArticleSummary }) {
  return (
    <header className="article-header">
      <p className="kicker">
        <span>{kindLabel(article.kind)}</span>
        {article.free && <span className="free-badge">Free to read</span>}
      </p>
      <h1>{article.title}</h1>
      {article.dek && <p className="dek article-dek">{article.dek}</p>}
      <p className="meta">
        <Byline authors={article.authors} /> ·{" "}
        <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
      </p>
      <TagList topics={article.topics} regions={article.regions} />
      {article.leadImage && (
        <LeadImageFigure image={article.leadImage} sizes="(min-width: 44rem) 42rem, 100vw" priority />
      )}
    </header>
  );
}
