// A sent issue on the web, for one reader. Each article shows what this
// reader may read of it (the access decision, capped by the newsletter's
// depth), read through lib/access/read-article.ts as on the article page: for
// a preview the gated part is not even loaded, so it never reaches a reader
// who may not read it.
import Link from "next/link";
import { ArticleBody } from "@/components/article/article-body";
import { formatDate } from "@/lib/articles/format";
import type { Reader } from "@/lib/auth/get-reader";
import { archivedItemsFor, type ArchivedIssue } from "@/lib/newsletters/issue-archive";
import { NEWSLETTER_CATALOG } from "@/lib/newsletters/newsletter-catalog";
import { pageAddressOrganisations } from "@/lib/organisations/page-address-organisations";
import { issueLabel } from "@/lib/newsletters/render-issue";

export async function ArchivedIssueView({ issue, reader }: { issue: ArchivedIssue; reader: Reader | null }) {
  const info = NEWSLETTER_CATALOG[issue.newsletter];
  // An address an organisation admits reads the issue's articles whole (the page is then private).
  const items = await archivedItemsFor(issue, reader, { addressOrganisations: await pageAddressOrganisations() });
  return (
    <article className="archived-issue">
      <p className="kicker">
        <Link href={`/newsletters/${info.slug}`}>{info.name}</Link>
      </p>
      <h1>{issueLabel(issue.issueDate)}</h1>
      <p className="dek">{info.tagline}</p>
      {issue.editorNote.trim() && (
        <aside className="editor-note" aria-label="Editor's note">
          {issue.editorNote
            .trim()
            .split(/\n\s*\n/)
            .map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
        </aside>
      )}
      {items.map(({ article, level, text }) => (
        <section key={article.id} className="archived-item">
          <p className="kicker">
            {article.kind === "in_depth" ? "In-Depth" : "Daily Analysis"} · {formatDate(article.publishedAt)}
          </p>
          <h2>
            <Link href={`/articles/${article.slug}`}>{article.title}</Link>
          </h2>
          {article.dek && <p className="dek">{article.dek}</p>}
          {article.authors.length > 0 && <p className="meta">By {article.authors.join(" and ")}</p>}
          <ArticleBody
            previewMarkdown={text.previewMarkdown}
            gatedMarkdown={level === "full" ? text.gatedMarkdown : null}
          />
          {(level === "preview" && text.hasGatedPart) || info.depth === "preview" ? (
            <p>
              <Link href={`/articles/${article.slug}`}>Continue reading</Link>
            </p>
          ) : null}
        </section>
      ))}
    </article>
  );
}
