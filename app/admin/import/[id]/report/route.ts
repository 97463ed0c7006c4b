// GET /admin/import/{id}/report: the run's report as JSON, or its preview before the import (admins).
import { NextResponse } from "next/server";
import { getImportRun } from "@/lib/import/import-run-queries";
import { withRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";

export const GET = withRole<{ id: string }>("admin", async (_request, { actor, params }) => {
  const run = await getImportRun(actor, params.id);
  const report = run?.report ?? run?.preview;
  if (!run || !report)
    return NextResponse.json({ error: "not_found", message: "This run has no report yet." }, { status: 404 });
  const name = `import-${run.createdAt.toISOString().slice(0, 10)}-${run.id.slice(0, 8)}-${run.report ? "report" : "preview"}.json`;
  return new Response(
    `${JSON.stringify({ run: { id: run.id, kind: run.kind, file: run.fileName, status: run.status, by: run.createdByLabel, at: run.createdAt }, report }, null, 2)}\n`,
    {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
      },
    },
  );
});
