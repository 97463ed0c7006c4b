// POST /api/admin/import/{id}/apply: import a previewed run for real, in the background (admins).
import { answer, type Outcome } from "@/lib/http/answer";
import { isRunId } from "@/lib/import/import-run-queries";
import { applyImportRun, type ApplyResult } from "@/lib/import/import-runs";
import { withRole } from "@/lib/newsroom/require-role";

const OUTCOMES: Record<ApplyResult, Omit<Outcome, "notice">> = {
  started: { status: 202, message: "The import has started." },
  running: { status: 409, message: "This import is already running." },
  done: { status: 409, message: "This file has already been imported." },
  "not-ready": { status: 409, message: "This run cannot be imported: its preview is not ready or it failed." },
  "file-gone": { status: 410, message: "The uploaded file is no longer kept: upload it again." },
  "not-found": { status: 404, message: "There is no such import." },
};

export const POST = withRole<{ id: string }>("admin", async (request, { actor, params }) => {
  const result = isRunId(params.id) ? await applyImportRun(actor, params.id) : "not-found";
  const returnTo = result === "not-found" ? "/admin/import" : `/admin/import/${params.id}`;
  return answer(request, { ...OUTCOMES[result], notice: result }, returnTo);
});
