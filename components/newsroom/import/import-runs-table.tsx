// The recent import runs under the form: when, who, which file, how it went.
import Link from "next/link";
import { formatDateTime } from "@/lib/articles/format";
import type { ImportRunSummary, RunCounts } from "@/lib/import/import-run-queries";
import { formatSize } from "@/lib/import/receive-upload";
import { ImportStatusBadge } from "./import-status";

const number = (value: unknown) => (typeof value === "number" ? value.toLocaleString("en-US") : "0");

function countsLine(run: ImportRunSummary): string {
  if (run.status === "failed") return run.error ?? "";
  const counts: RunCounts | null = run.counts;
  if (!counts) return "";
  const would = run.storedStatus !== "done";
  const made = (value: unknown, done: string, planned: string) => `${number(value)} ${would ? planned : done}`;
  const problems = `${number(run.problems)} ${run.problems === 1 ? "problem" : "problems"}`;
  if (run.kind === "members") {
    return [
      `${made(counts.created, "readers created", "readers to create")}`,
      made(counts.updated, "updated", "to update"),
      `${number(counts.unchanged)} unchanged`,
      problems,
    ].join(" · ");
  }
  const posts = typeof counts.posts === "object" ? counts.posts : {};
  return [
    made(posts.created, "articles created", "articles to create"),
    made(posts.updated, "updated", "to update"),
    `${number(posts.unchanged)} unchanged`,
    `${number(posts.skipped)} skipped`,
    problems,
  ].join(" · ");
}

export function ImportRunsTable({ runs }: { runs: ImportRunSummary[] }) {
  if (runs.length === 0) return <p className="meta">Nothing has been imported yet.</p>;
  return (
    <table className="newsroom-table import-runs">
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">By</th>
          <th scope="col">File</th>
          <th scope="col">Status</th>
          <th scope="col">Counts</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <td>
              <Link href={`/admin/import/${run.id}`}>{formatDateTime(run.createdAt)}</Link>
            </td>
            <td>{run.createdByLabel}</td>
            <td className="import-file-name">
              {run.fileName} <span className="meta">{formatSize(run.fileBytes)}</span>
            </td>
            <td>
              <ImportStatusBadge status={run.status} />
            </td>
            <td className="meta">{countsLine(run)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
