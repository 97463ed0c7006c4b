// GET /admin/newsletters: the next issue of each newsletter, and the issues
// sent (or being sent) with their progress. Editors.
import Link from "next/link";
import { SendProgressLine } from "@/components/newsroom/newsletters/send-progress-line";
import { formatDateTime } from "@/lib/articles/format";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";
import { NEWSLETTER_CATALOG, NEWSLETTER_KEYS } from "@/lib/newsletters/newsletter-catalog";
import { getNextIssue } from "@/lib/newsletters/next-issue";
import { issueLabel } from "@/lib/newsletters/render-issue";
import { listSentIssues } from "@/lib/newsletters/sent-issues";

export const dynamic = "force-dynamic";
export const metadata = { title: "Newsletters" };

export default async function NewslettersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("editor", "/admin/newsletters");
  const page = parsePage((await searchParams).page);
  const [nextIssues, sent] = await Promise.all([
    Promise.all(NEWSLETTER_KEYS.map((key) => getNextIssue(actor, key))),
    listSentIssues(actor, { page }),
  ]);
  return (
    <div>
      <h1>Newsletters</h1>
      <h2>Next issues</h2>
      <ul className="newsletter-cards">
        {nextIssues.map((next) => {
          const kept = next.articles.filter((article) => !article.dropped).length;
          return (
            <li key={next.info.key} className="newsletter-card">
              <h3>
                <Link href={`/admin/newsletters/${next.info.slug}`}>{next.info.name}</Link>
              </h3>
              <p className="meta">
                {issueLabel(next.issueDate)}: sent by the schedule at {formatDateTime(next.sendAt)}
              </p>
              <p>
                {kept === 0
                  ? "Nothing in it yet: an issue with no articles is not sent."
                  : `${kept} article${kept === 1 ? "" : "s"} so far.`}
                {next.editorNote && " With an editor's note."}
              </p>
              <Link href={`/admin/newsletters/${next.info.slug}`} className="button button-small">
                Review and send
              </Link>
            </li>
          );
        })}
      </ul>
      <h2>Sent</h2>
      {sent.issues.length === 0 ? (
        <p>No issue has been sent yet.</p>
      ) : (
        <table className="newsroom-table">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Started</th>
              <th scope="col">Recipients</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {sent.issues.map((issue) => (
              <tr key={issue.id}>
                <td>
                  <Link href={`/admin/newsletters/issues/${issue.id}`}>
                    {NEWSLETTER_CATALOG[issue.newsletter].name}, {issueLabel(issue.issueDate)}
                  </Link>
                </td>
                <td>
                  {issue.startedAt ? formatDateTime(issue.startedAt) : ""}{" "}
                  {issue.startedBy && <span className="meta">by {issue.startedBy}</span>}
                </td>
                <td>{issue.status === "empty" ? "not sent: nothing in it" : issue.recipients}</td>
                <td>
                  {issue.status === "empty" ? (
                    ""
                  ) : (
                    <>
                      {issue.status === "sending" ? "sending: " : ""}
                      <SendProgressLine progress={issue.progress} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label="Pages">
        {page > 1 && <Link href={`/admin/newsletters?page=${page - 1}`}>Newer</Link>}
        {sent.hasMore && <Link href={`/admin/newsletters?page=${page + 1}`}>Older</Link>}
      </nav>
    </div>
  );
}
