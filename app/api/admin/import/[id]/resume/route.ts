// POST /api/admin/import/{id}/resume: run again a preview or import whose server stopped (admins).
import { answer, type Outcome } from "@/lib/http/answer";
import { isRunId } from "@/lib/import/import-run-queries";
import { resumeImportRun, type ResumeResult } from "@/lib/import/import-runs";
import { withRole } from "@/lib/newsroom/require-role";

const OUTCOMES: Record<ResumeResult, Omit<Outcome, "notice">> = {
  resumed: { status: 202, message: "The run has been resumed." },
  running: { status: 409, message: "This run is still going: it cannot be resumed." },
  "not-resumable": {
    status: 409,
    message: "Only an interrupted run, or one stopped by a server error, can be resumed.",
  },
  "file-gone": { status: 410, message: "The uploaded file is no longer kept: upload it again." },
  "not-found": { status: 404, message: "There is no such import." },
};

export const POST = withRole<{ id: string }>("admin", async (request, { actor, params }) => {
  const result = isRunId(params.id) ? await resumeImportRun(actor, params.id) : "not-found";
  const returnTo = result === "not-found" ? "/admin/import" : `/admin/import/${params.id}`;
  return answer(request, { ...OUTCOMES[result], notice: result }, returnTo);
});
