// POST /api/admin/articles/{id}/revisions/{number}/restore: make that
// revision the article's content again, saved as a new revision.
import { editorAnswer, invalid, NOT_FOUND } from "@/lib/newsroom/articles/editor-answer";
import { restoreRevision } from "@/lib/newsroom/articles/article-revisions";
import { parseRevisionNumber } from "@/lib/newsroom/articles/revision-number";
import { withRole } from "@/lib/newsroom/require-role";

export const POST = withRole<{ id: string; number: string }>("editor", async (request, { actor, params }) => {
  const back = `/admin/articles/${params.id}`;
  const number = parseRevisionNumber(params.number);
  const result = number === null ? ({ kind: "not-found" } as const) : await restoreRevision(actor, params.id, number);
  switch (result.kind) {
    case "restored":
      return editorAnswer(
        request,
        {
          status: 200,
          notice: result.slugKept ? "restored-slug-kept" : "restored",
          message: result.slugKept
            ? `Revision ${number} is restored, except its slug, which another article has taken since.`
            : `Revision ${number} is restored.`,
          body: { version: result.version, slug: result.slug, status: result.status },
        },
        back,
      );
    case "unchanged":
      return editorAnswer(
        request,
        {
          status: 200,
          notice: "unchanged",
          message: "The article already reads like that.",
          body: { version: result.version },
        },
        back,
      );
    case "invalid":
      return editorAnswer(
        request,
        { ...invalid(result.fieldErrors), message: "That revision cannot be restored as it is." },
        back,
      );
    case "not-found":
      return editorAnswer(request, { ...NOT_FOUND, message: "There is no such revision." }, back);
  }
});
