import Link from "next/link";
import { Byline } from "@/components/article/byline";
import { LeadImageFigure } from "@/components/article/lead-image";
import { formatDate, kindLabel } from "@/lib/articles/format";
import type { SearchHit } from "@/lib/search/search-library";
import { Highlighted } from "./highlighted";

/** One search result: headline, dek and a snippet from the text this reader may read. */
export function SearchResultCard({ hit }: { hit: SearchHit }) {
  const { article } = hit;
  return (
    <article className="article-card search-result">
      {article.leadImage && (
        <div className="search-result-image">
          <LeadImageFigure image={article.leadImage} sizes="10rem" caption={false} />
        </div>
      )}
      <p className="kicker">
        <span>{kindLabel(article.kind)}</span>
        {article.free && <span className="free-badge">Free to read</span>}
        {article.regions.map((region) => (
          <span key={region.slug} className="search-result-region">
            {region.name}
          </span>
        ))}
      </p>
      <h3 className="article-card-title">
        <Link href={`/articles/${article.slug}`}>
          <Highlighted text={hit.title} />
        </Link>
      </h3>
      {article.dek && (
        <p className="dek">
          <Highlighted text={hit.dek} />
        </p>
      )}
      {hit.snippet.length > 0 && (
        <p className="search-snippet">
          <Highlighted text={hit.snippet} />
          {hit.access === "preview" && <span className="search-snippet-note"> (from the free preview)</span>}
        </p>
      )}
      <p className="meta">
        <Byline authors={article.authors} /> ·{" "}
        <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
      </p>
    </article>
  );
}
