import Link from "next/link";
import type { ArticleSummary } from "@/lib/articles/article-queries";
import { formatDate, kindLabel } from "@/lib/articles/format";
import { Byline } from "./byline";
import { LeadImageFigure } from "./lead-image";

/**
 * `showKind={false}` in a list under a heading that already names the kind
 * (the front page's "Daily Analysis"), where each card repeating it would be
 * noise. The "Free to read" badge shows either way. `showByline={false}`
 * under an article (related reading), where bylines would repeat the
 * article's own author links. `headingLevel`: one below the heading the
 * list is under (2 under a listing's <h1>, 3 under a section's <h2>), so
 * that no level is skipped.
 */
export function ArticleCard({
  article,
  lead = false,
  showKind = true,
  showByline = true,
  headingLevel = 3,
}: {
  article: ArticleSummary;
  lead?: boolean;
  showKind?: boolean;
  showByline?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={lead ? "article-card article-card-lead" : "article-card"}>
      {article.leadImage && (
        <LeadImageFigure
          image={article.leadImage}
          sizes={lead ? "(min-width: 72rem) 40rem, 100vw" : "(min-width: 48rem) 22rem, 100vw"}
          priority={lead}
          caption={false}
        />
      )}
      {(showKind || article.free) && (
        <p className="kicker">
          {showKind && <span>{kindLabel(article.kind)}</span>}
          {article.free && <span className="free-badge">Free to read</span>}
        </p>
      )}
      <Heading className="article-card-title">
        <Link href={`/articles/${article.slug}`}>{article.title}</Link>
      </Heading>
      {article.dek && <p className="dek">{article.dek}</p>}
      <p className="meta">
        {showByline && (
          <>
            <Byline authors={article.authors} /> ·{" "}
          </>
        )}
        <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
      </p>
    </article>
  );
}
