// GET /api/admin/articles/{id}: the article as the editor edits it (JSON).
// POST /api/admin/articles/{id}: save it, from the version it was edited from
// (409 when someone saved in between; a form post then gets its text back on a
// page of its own). `autosave=true` marks an autosave.
import { NextResponse } from "next/server";
import { isFormPost, readInput } from "@/lib/http/read-input";
import { LIST_FIELDS, MAX_REQUEST_BYTES, parseArticleSave } from "@/lib/newsroom/articles/article-input";
import { conflictPage } from "@/lib/newsroom/articles/conflict-page";
import { getEditableArticle } from "@/lib/newsroom/articles/editable-article";
import { editorAnswer, invalid, NOT_FOUND, UNREADABLE } from "@/lib/newsroom/articles/editor-answer";
import { saveArticle } from "@/lib/newsroom/articles/save-article";
import { withRole } from "@/lib/newsroom/require-role";

type Params = { id: string };

export const GET = withRole<Params>("editor", async (_request, { actor, params }) => {
  const article = await getEditableArticle(actor, params.id);
  if (!article) return NextResponse.json({ error: "not-found", message: NOT_FOUND.message }, { status: 404 });
  return NextResponse.json(article);
});

export const POST = withRole<Params>("editor", async (request, { actor, params }) => {
  const back = `/admin/articles/${params.id}`;
  const input = await readInput(request, { maxBytes: MAX_REQUEST_BYTES, lists: LIST_FIELDS });
  if (!input) return editorAnswer(request, UNREADABLE, back);
  const parsed = parseArticleSave(input);
  if (!parsed.ok) return editorAnswer(request, invalid(parsed.fieldErrors), back);
  const autosave = input.autosave === true || input.autosave === "true";
  const result = await saveArticle(actor, params.id, parsed.value, { autosave });
  switch (result.kind) {
    case "saved":
    case "unchanged": {
      const { kind, savedAt, ...rest } = result;
      const message = kind === "saved" ? "Saved." : "Nothing had changed.";
      return editorAnswer(
        request,
        { status: 200, notice: kind, message, body: { ...rest, savedAt: savedAt.toISOString() } },
        back,
      );
    }
    case "conflict":
      // Without JavaScript the text would be lost in a redirect: give it back.
      if (isFormPost(request)) {
        return conflictPage({ id: params.id, content: parsed.value.content, savedBy: result.savedBy });
      }
      return editorAnswer(
        request,
        {
          status: 409,
          notice: "conflict",
          message:
            result.status === "draft" || !autosave
              ? `${result.savedBy ?? "Someone"} saved this article after you opened it, so your changes were not saved.`
              : `This article is ${result.status} now, so it is no longer autosaved; your changes were not saved.`,
          body: {
            version: result.version,
            status: result.status,
            savedAt: result.savedAt.toISOString(),
            savedBy: result.savedBy,
          },
        },
        back,
      );
    case "invalid":
      return editorAnswer(request, invalid(result.fieldErrors), back);
    case "not-found":
      return editorAnswer(request, NOT_FOUND, "/admin/articles");
  }
});
