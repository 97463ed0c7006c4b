// POST /api/admin/articles/{id}/publish: publish the saved article now
// (publishing a published article changes nothing). `version`, when sent,
// must still be the article's: nobody publishes what they have not seen.
import { readInput } from "@/lib/http/read-input";
import { parseOptionalVersion } from "@/lib/newsroom/articles/article-input";
import { editorAnswer, invalid, UNREADABLE } from "@/lib/newsroom/articles/editor-answer";
import { publishArticle } from "@/lib/newsroom/articles/publishing";
import { publishingOutcome } from "@/lib/newsroom/articles/publishing-outcome";
import { withRole } from "@/lib/newsroom/require-role";

export const POST = withRole<{ id: string }>("editor", async (request, { actor, params }) => {
  const back = `/admin/articles/${params.id}`;
  const input = await readInput(request);
  if (!input) return editorAnswer(request, UNREADABLE, back);
  const version = parseOptionalVersion(input.version);
  if (!version.ok) return editorAnswer(request, invalid(version.fieldErrors), back);
  const result = await publishArticle(actor, params.id, { version: version.value });
  return editorAnswer(request, publishingOutcome(result), back);
});
