// POST /api/admin/articles/{id}/schedule: publish the saved article at
// `publishAt`, a wall-clock time in PUBLICATION_TIMEZONE (2026-12-01T09:30)
// or an ISO instant with its offset. A pg-boss job publishes it then.
import { env } from "@/lib/config/env";
import { readInput } from "@/lib/http/read-input";
import { parseOptionalVersion } from "@/lib/newsroom/articles/article-input";
import { editorAnswer, invalid, UNREADABLE } from "@/lib/newsroom/articles/editor-answer";
import { parsePublicationTime } from "@/lib/newsroom/articles/publication-time";
import { scheduleArticle } from "@/lib/newsroom/articles/publishing";
import { publishingOutcome } from "@/lib/newsroom/articles/publishing-outcome";
import { withRole } from "@/lib/newsroom/require-role";

export const POST = withRole<{ id: string }>("editor", async (request, { actor, params }) => {
  const back = `/admin/articles/${params.id}`;
  const input = await readInput(request);
  if (!input) return editorAnswer(request, UNREADABLE, back);
  const version = parseOptionalVersion(input.version);
  if (!version.ok) return editorAnswer(request, invalid(version.fieldErrors), back);
  const at = parsePublicationTime(input.publishAt, env().PUBLICATION_TIMEZONE);
  if (!at.ok) return editorAnswer(request, invalid({ publishAt: at.message }), back);
  const result = await scheduleArticle(actor, params.id, { at: at.at, version: version.value });
  return editorAnswer(request, publishingOutcome(result), back);
});
