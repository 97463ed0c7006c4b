// POST /api/admin/articles/{id}/unpublish: back to a draft, from published
// (readers lose it at once) or scheduled (it will not go live).
import { readInput } from "@/lib/http/read-input";
import { parseOptionalVersion } from "@/lib/newsroom/articles/article-input";
import { editorAnswer, invalid, UNREADABLE } from "@/lib/newsroom/articles/editor-answer";
import { unpublishArticle } from "@/lib/newsroom/articles/publishing";
import { publishingOutcome } from "@/lib/newsroom/articles/publishing-outcome";
import { withRole } from "@/lib/newsroom/require-role";

export const POST = withRole<{ id: string }>("editor", async (request, { actor, params }) => {
  const back = `/admin/articles/${params.id}`;
  const input = await readInput(request);
  if (!input) return editorAnswer(request, UNREADABLE, back);
  const version = parseOptionalVersion(input.version);
  if (!version.ok) return editorAnswer(request, invalid(version.fieldErrors), back);
  const result = await unpublishArticle(actor, params.id, { version: version.value });
  return editorAnswer(request, publishingOutcome(result), back);
});
