// POST /api/admin/articles/{id}/lead-image: set the lead image (mediaId,
// alt, caption, credit) or remove it (no mediaId). Form posts go back to the
// editor with a notice and the field errors; JSON gets JSON.
import { readInput } from "@/lib/http/read-input";
import type { FieldErrors } from "@/lib/newsroom/articles/article-input";
import { editorAnswer, invalid, NOT_FOUND, UNREADABLE } from "@/lib/newsroom/articles/editor-answer";
import { setLeadImage } from "@/lib/newsroom/articles/lead-image";
import { withRole } from "@/lib/newsroom/require-role";

export const POST = withRole<{ id: string }>("editor", async (request, { actor, params }) => {
  const back = `/admin/articles/${params.id}#lead-image`;
  const input = await readInput(request);
  if (!input) return editorAnswer(request, UNREADABLE, back);
  const result = await setLeadImage(actor, params.id, input);
  if (result.kind === "not-found") return editorAnswer(request, NOT_FOUND, "/admin/articles");
  // The lead image's fields travel back like the content's (error.<field> in the address).
  if (result.kind === "invalid") {
    // What was chosen and typed comes back into the form (a newsroom page of one's own).
    const typed = new URLSearchParams();
    for (const field of ["mediaId", "alt", "caption", "credit"] as const) {
      const value = input[field];
      if (typeof value === "string") typed.set(`lead.${field}`, value.slice(0, 500));
    }
    const again = `/admin/articles/${params.id}?${typed.toString()}#lead-image`;
    return editorAnswer(
      request,
      { ...invalid(result.fieldErrors as FieldErrors), notice: "lead-image-invalid" },
      again,
    );
  }
  const message = result.kind === "saved" ? "The lead image is saved." : "The lead image is removed.";
  return editorAnswer(request, { status: 200, notice: `lead-image-${result.kind}`, message }, back);
});
