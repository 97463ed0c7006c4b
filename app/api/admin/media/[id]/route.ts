// POST /api/admin/media/{id}: change an image's alt text (form field
// "altText"), or delete it ("action=delete"), which only an image no article
// uses can be. Form posts go back to /admin/media with a notice; JSON gets JSON.
import { NextResponse } from "next/server";
import { isFormPost, readInput } from "@/lib/http/read-input";
import { deleteMedia, updateAltText } from "@/lib/media/media-library";
import { withRole } from "@/lib/newsroom/require-role";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const OUTCOMES = {
  deleted: { status: 200, message: "The image is deleted." },
  "in-use": { status: 409, message: "An article uses this image: take it out of the article first." },
  "not-found": { status: 404, message: "There is no such image." },
  saved: { status: 200, message: "The alt text is saved." },
  invalid: { status: 400, message: "Send altText (at most 500 characters) or action=delete." },
} as const;

function answer(request: Request, notice: keyof typeof OUTCOMES) {
  const { status, message } = OUTCOMES[notice];
  if (isFormPost(request)) return NextResponse.redirect(new URL(`/admin/media?notice=${notice}`, request.url), 303);
  return NextResponse.json(status < 400 ? { ok: true, message } : { error: notice, message }, { status });
}

export const POST = withRole<{ id: string }>("editor", async (request, { params }) => {
  if (!UUID.test(params.id)) return answer(request, "not-found");
  const input = await readInput(request);
  if (!input) return answer(request, "invalid");
  if (input.action === "delete") return answer(request, await deleteMedia(params.id));
  if (typeof input.altText !== "string" || input.altText.length > 500) return answer(request, "invalid");
  return answer(request, (await updateAltText(params.id, input.altText)) ? "saved" : "not-found");
});
