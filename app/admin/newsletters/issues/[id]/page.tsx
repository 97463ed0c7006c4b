// GET /admin/newsletters/issues/{id}: how the sending of an issue is going
// (sent, pending, failed), and what it contained. Reloads itself while it
// is sending. Editors.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SendProgressLine } from "@/components/newsroom/newsletters/send-progress-line";
import { formatDateTime } from "@/lib/articles/format";
import { requireRole } from "@/lib/newsroom/require-role";
import { NEWSLETTER_CATALOG } from "@/lib/newsletters/newsletter-catalog";
import { issueLabel, issueWebPath } from "@/lib/newsletters/render-issue";
import { getIssueReport } from "@/lib/newsletters/sent-issues";

export const dynamic = "force-dynamic";
export const metadata = { title: "Issue" };

export default async function IssueReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole("editor", `/admin/newsletters/issues/${encodeURIComponent(id)}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const report = await getIssueReport(actor, id);
  if (!report) notFound();
  const info = NEWSLETTER_CATALOG[report.newsletter];
  return (
    <div>
      {report.status === "sending" && <meta httpEquiv="refresh" content="3" />}
      <p className="kicker">
        <Link href="/admin/newsletters">Newsletters</Link>
      </p>
      <h1>
        {info.name}, {issueLabel(report.issueDate)}
      </h1>
      <p data-testid="issue-status">
        {report.status === "empty"
          ? "Not sent: there was nothing in it."
          : report.status === "sending"
            ? `Sending to ${report.recipients} recipients.`
            : `Sent to ${report.recipients} recipients${report.finishedAt ? `, finished ${formatDateTime(report.finishedAt)}` : ""}.`}
      </p>
      {report.status !== "empty" && (
        <p>
          <SendProgressLine progress={report.progress} />
          {report.retrying > 0 && <span className="meta"> ({report.retrying} waiting to be tried again)</span>}
        </p>
      )}
      <p className="meta">
        Started {report.startedAt ? formatDateTime(report.startedAt) : ""} by {report.startedBy}. Articles published
        from {report.windowStart ? formatDateTime(report.windowStart) : "?"} to{" "}
        {report.windowEnd ? formatDateTime(report.windowEnd) : "?"}.
      </p>
      {report.subject && <p>Subject: {report.subject}</p>}
      {report.status !== "empty" && (
        <p>
          <Link href={issueWebPath(report.newsletter, report.issueDate)}>This issue in the web archive</Link>
        </p>
      )}
      {report.articles.length > 0 && (
        <>
          <h2>Articles</h2>
          <ol>
            {report.articles.map((article) => (
              <li key={article.slug}>
                <Link href={`/articles/${article.slug}`}>{article.title}</Link>
              </li>
            ))}
          </ol>
        </>
      )}
      {report.failures.length > 0 && (
        <>
          <h2>Not delivered</h2>
          <table className="newsroom-table">
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Tries</th>
                <th scope="col">Last answer</th>
              </tr>
            </thead>
            <tbody>
              {report.failures.map((failure) => (
                <tr key={failure.email}>
                  <td>{failure.email}</td>
                  <td>{failure.attempts}</td>
                  <td className="meta">{failure.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
