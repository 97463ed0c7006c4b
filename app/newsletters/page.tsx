// GET /newsletters: the newsletters and their sent issues, newest first.
import type { Metadata } from "next";
import Link from "next/link";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { listArchivedIssues } from "@/lib/newsletters/issue-archive";
import { NEWSLETTER_CATALOG, NEWSLETTER_KEYS } from "@/lib/newsletters/newsletter-catalog";
import { issueLabel, issueWebPath } from "@/lib/newsletters/render-issue";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Newsletters", alternates: { canonical: "/newsletters" } };

export default async function NewslettersArchivePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  sendPageWithoutScripts();
  const page = parsePage((await searchParams).page);
  const { issues, hasMore } = await listArchivedIssues({ page });
  return (
    <div className="listing">
      <p className="kicker">Newsletters</p>
      <h1>Our newsletters</h1>
      <ul>
        {NEWSLETTER_KEYS.map((key) => (
          <li key={key}>
            <Link href={`/newsletters/${NEWSLETTER_CATALOG[key].slug}`}>{NEWSLETTER_CATALOG[key].name}</Link>:{" "}
            {NEWSLETTER_CATALOG[key].tagline}
            {NEWSLETTER_CATALOG[key].audience === "subscribers"
              ? " For All-Access subscribers."
              : " Free for registered readers."}
          </li>
        ))}
      </ul>
      <p>
        Choose which you receive on <Link href="/account#newsletters">your account page</Link>.
      </p>
      <h2>Recent issues</h2>
      {issues.length === 0 ? (
        <p>No issue has been sent yet.</p>
      ) : (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.newsletter}-${issue.issueDate}`}>
              <Link href={issueWebPath(issue.newsletter, issue.issueDate)}>
                {NEWSLETTER_CATALOG[issue.newsletter].name}, {issueLabel(issue.issueDate)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Pages">
        {page > 1 && <Link href={`/newsletters?page=${page - 1}`}>Newer</Link>}
        {hasMore && <Link href={`/newsletters?page=${page + 1}`}>Older</Link>}
      </nav>
    </div>
  );
}
