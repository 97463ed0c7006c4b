// GET /api/admin/newsletters/issues/{id}: the progress of an issue's sending
// (sent, pending, failed), as JSON. Editors.
import { z } from "zod";
import { withRole } from "@/lib/newsroom/require-role";
import { getIssueReport } from "@/lib/newsletters/sent-issues";

export const GET = withRole<{ id: string }>("editor", async (_request, { actor, params }) => {
  if (!z.uuid().safeParse(params.id).success) return Response.json({ error: "not_found" }, { status: 404 });
  const report = await getIssueReport(actor, params.id);
  if (!report) return Response.json({ error: "not_found" }, { status: 404 });
  const { id, newsletter, issueDate, status, recipients, progress, retrying, failures } = report;
  return Response.json({ id, newsletter, issueDate, status, recipients, ...progress, retrying, failures });
});
