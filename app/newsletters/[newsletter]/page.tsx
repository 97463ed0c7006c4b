// GET /newsletters/{newsletter}: one newsletter's sent issues, newest first.
import type { Metadata } from "next";
import Link from "next/link";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { listArchivedIssues } from "@/lib/newsletters/issue-archive";
import { newsletterBySlug } from "@/lib/newsletters/newsletter-catalog";
import { issueLabel, issueWebPath } from "@/lib/newsletters/render-issue";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";
import { NOT_FOUND_METADATA, pageNotFound } from "@/components/site/page-not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ newsletter: string }> }): Promise<Metadata> {
  const info = newsletterBySlug((await params).newsletter);
  return info ? { title: info.name, alternates: { canonical: `/newsletters/${info.slug}` } } : NOT_FOUND_METADATA;
}

export default async function NewsletterArchivePage({
  params,
  searchParams,
}: {
  params: Promise<{ newsletter: string }>;
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  sendPageWithoutScripts();
  const info = newsletterBySlug((await params).newsletter);
  if (!info) return pageNotFound();
  const page = parsePage((await searchParams).page);
  const { issues, hasMore } = await listArchivedIssues({ newsletter: info.key, page });
  return (
    <div className="listing">
      <p className="kicker">
        <Link href="/newsletters">Newsletters</Link>
      </p>
      <h1>{info.name}</h1>
      <p className="dek">{info.tagline}</p>
      {issues.length === 0 ? (
        <p>No issue has been sent yet.</p>
      ) : (
        <ul>
          {issues.map((issue) => (
            <li key={issue.issueDate}>
              <Link href={issueWebPath(issue.newsletter, issue.issueDate)}>{issueLabel(issue.issueDate)}</Link>
              {issue.subject && <span className="meta"> · {issue.subject}</span>}
            </li>
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Pages">
        {page > 1 && <Link href={`/newsletters/${info.slug}?page=${page - 1}`}>Newer</Link>}
        {hasMore && <Link href={`/newsletters/${info.slug}?page=${page + 1}`}>Older</Link>}
      </nav>
    </div>
  );
}
