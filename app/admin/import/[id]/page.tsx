// GET /admin/import/{id}: one import run: its progress (the page reloads itself while it runs),
// the preview with every problem and the Import button, then the report (admins).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MembersCounts, PostsCounts } from "@/components/newsroom/import/import-counts";
import { IMPORT_NOTICES } from "@/components/newsroom/import/import-notices";
import { ImportProblems } from "@/components/newsroom/import/import-problems";
import { ImportProgressLine, ImportStatusBadge } from "@/components/newsroom/import/import-status";
import { NewsroomNotice } from "@/components/newsroom/newsroom-notice";
import { formatDateTime } from "@/lib/articles/format";
import type { SearchParamValue } from "@/lib/http/search-params";
import { FORMAT_NAMES, reportSummary } from "@/lib/import/import-report";
import { getImportRun, type ImportRunView } from "@/lib/import/import-run-queries";
import { formatSize } from "@/lib/import/receive-upload";
import { requireRole } from "@/lib/newsroom/require-role";
import "../import.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import run" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

export default async function ImportRunPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireRole("admin", `/admin/import/${encodeURIComponent(id)}`);
  const run = await getImportRun(actor, id);
  if (!run) notFound();
  const { notice } = await searchParams;
  const running = run.status === "previewing" || run.status === "importing";
  const shown = run.report ?? run.preview;
  return (
    <div className="newsroom-import-run">
      {/* Reloads without ?notice=, which was about the click that started it. */}
      {running && <meta httpEquiv="refresh" content={`2;url=/admin/import/${run.id}`} />}
      <p className="kicker">
        <Link href="/admin/import">Import</Link>
      </p>
      <h1 className="import-file-name">{run.fileName}</h1>
      <p className="meta">
        {kindLabel(run)} · {formatSize(run.fileBytes)} · uploaded {formatDateTime(run.createdAt)} by{" "}
        {run.createdByLabel} · drafts {run.options.drafts === "import" ? "imported as drafts" : "skipped"}
      </p>
      <NewsroomNotice code={typeof notice === "string" ? notice : undefined} texts={IMPORT_NOTICES} />
      <StatusSection run={run} />
      {shown && (
        <section className="import-section" aria-labelledby="import-counts-heading">
          <h2 id="import-counts-heading">{run.report ? "Report" : "Preview"}</h2>
          {!run.report && <p>Nothing has been written yet. This is what the import would do:</p>}
          <Counts run={run} />
          <ImportProblems problems={shown.problems} reportHref={`/admin/import/${run.id}/report`} />
          <ApplyForm run={run} />
          {run.kind === "posts" && run.report && (
            <>
              <h3>Summary</h3>
              <pre className="import-summary" data-testid="import-summary">
                {reportSummary(run.report)}
              </pre>
            </>
          )}
          <p>
            {/* A download, not a page: a plain link, which Next.js's router leaves alone. */}
            <a href={`/admin/import/${run.id}/report`} download>
              Download the {run.report ? "report" : "preview"} (JSON)
            </a>
          </p>
        </section>
      )}
    </div>
  );
}

function kindLabel(run: ImportRunView): string {
  if (run.kind === "members") return "Members CSV";
  return run.options.format ? FORMAT_NAMES[run.options.format] : "Posts export";
}

function Counts({ run }: { run: ImportRunView }) {
  const label = run.report ? "Imported" : "Would be imported";
  if (run.kind === "posts") {
    const report = run.report ?? run.preview;
    return report && <PostsCounts report={report} label={label} />;
  }
  const report = run.report ?? run.preview;
  return report && <MembersCounts report={report} would={!run.report} label={label} />;
}

function StatusSection({ run }: { run: ImportRunView }) {
  const unit = run.kind === "members" ? "rows" : "posts";
  const resume = (label: string) => (
    <form method="post" action={`/api/admin/import/${run.id}/resume`} className="import-actions">
      <button type="submit" className="button">
        {label}
      </button>
    </form>
  );
  switch (run.status) {
    case "previewing":
    case "importing":
      return (
        <div role="status">
          <p data-testid="import-status">
            <ImportStatusBadge status={run.status} />{" "}
            {run.status === "previewing" ? "Reading the file for the preview; nothing is written." : "Importing."}
          </p>
          <p>
            <ImportProgressLine progress={run.progress} unit={unit} />
          </p>
          <p className="meta">This page reloads itself every two seconds.</p>
        </div>
      );
    case "interrupted":
      return (
        <div>
          <p data-testid="import-status">
            <ImportStatusBadge status="interrupted" /> {run.storedStatus === "importing" ? "The import" : "The preview"}{" "}
            stopped at {run.progress.done} {unit} without finishing (its server stopped).{" "}
            {run.storedStatus === "importing"
              ? "Resuming runs it again: what was already imported is recognised and left as it is."
              : "Resuming runs the preview again."}
          </p>
          {run.fileKept ? resume("Resume") : <p>The uploaded file is no longer kept: upload it again.</p>}
        </div>
      );
    case "failed":
      return (
        <div>
          <p data-testid="import-status" role="alert">
            <ImportStatusBadge status="failed" /> {run.error}
          </p>
          {run.fileKept ? resume("Try again") : <p className="meta">Nothing was imported from this file.</p>}
        </div>
      );
    case "previewed":
      return (
        <p data-testid="import-status">
          <ImportStatusBadge status="previewed" /> The preview is ready: read it, then import.
        </p>
      );
    case "done":
      return (
        <p data-testid="import-status">
          <ImportStatusBadge status="done" /> Finished {formatDateTime(run.updatedAt)}.
        </p>
      );
  }
}

function ApplyForm({ run }: { run: ImportRunView }) {
  if (run.status !== "previewed") return null;
  if (!run.fileKept) return <p>The uploaded file is no longer kept: upload it again to import it.</p>;
  return (
    <form method="post" action={`/api/admin/import/${run.id}/apply`} className="import-actions">
      <button type="submit" className="button button-primary">
        Import
      </button>
      <span className="meta">Importing the same file again later changes nothing.</span>
    </form>
  );
}
