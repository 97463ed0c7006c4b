// GET /admin/import: move a publication in: the upload form, and the recent import runs (admins).
import type { Metadata } from "next";
import { ImportForm } from "@/components/newsroom/import/import-form";
import { IMPORT_NOTICES } from "@/components/newsroom/import/import-notices";
import { ImportRunsTable } from "@/components/newsroom/import/import-runs-table";
import { NewsroomNotice } from "@/components/newsroom/newsroom-notice";
import type { SearchParamValue } from "@/lib/http/search-params";
import { maxUploadBytes } from "@/lib/import/accept-upload";
import { RETENTION_DAYS } from "@/lib/import/import-files";
import { listImportRuns } from "@/lib/import/import-run-queries";
import { requireRole } from "@/lib/newsroom/require-role";
import "./import.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("admin", "/admin/import");
  const { notice } = await searchParams;
  const runs = await listImportRuns(actor);
  return (
    <div className="newsroom-import">
      <h1>Import</h1>
      <p>
        Bring in an archive and its readers from another platform: a Ghost export (JSON), a WordPress export (WXR XML),
        a Substack export (zip), or a members CSV from Ghost or Substack.
      </p>
      <NewsroomNotice code={typeof notice === "string" ? notice : undefined} texts={IMPORT_NOTICES} />
      <ImportForm maxBytes={maxUploadBytes()} />
      <section className="import-runs-section" aria-labelledby="import-runs-heading">
        <h2 id="import-runs-heading">Recent imports</h2>
        <ImportRunsTable runs={runs} />
        <p className="meta">
          An uploaded file is kept until its import is done, and for {RETENTION_DAYS} days at most.
        </p>
      </section>
    </div>
  );
}
