// GET /api/admin/media?q=&page=: the media library (JSON), for the editor's picker.
// POST /api/admin/media: upload one or more images (multipart, field "file",
// optional "altText"). A form post goes back to /admin/media with a notice;
// a script (Accept: application/json: the editor's drag-and-drop and paste)
// gets JSON: 201 with the images, or 400/413 with the reason.
import { NextResponse } from "next/server";
import { markdownSrc } from "@/lib/media/media-files";
import { imageLimits, listMedia, refuseBySize, uploadMedia, type MediaItem } from "@/lib/media/media-library";
import { parsePage } from "@/lib/http/search-params";
import { withRole } from "@/lib/newsroom/require-role";

// Multipart framing and the alt-text field, on top of the largest image.
const FORM_OVERHEAD = 64 * 1024;

const wantsJson = (request: Request) => (request.headers.get("accept") ?? "").includes("application/json");

function answer(request: Request, status: number, notice: string, message: string, media: MediaItem[] = []) {
  if (wantsJson(request)) {
    const images = media.map((item) => ({ ...item, markdown: `![${item.altText}](${markdownSrc(item)})` }));
    return NextResponse.json(status < 400 ? { ok: true, message, media: images } : { error: notice, message }, {
      status,
    });
  }
  return NextResponse.redirect(new URL(`/admin/media?notice=${notice}`, request.url), 303);
}

export const GET = withRole("editor", async (request) => {
  const params = new URL(request.url).searchParams;
  const { items, total } = await listMedia(params.get("q") ?? "", parsePage(params.get("page") ?? undefined));
  return NextResponse.json({ total, media: items.map((item) => ({ ...item, markdown: markdownSrc(item) })) });
});

export const POST = withRole("editor", async (request, { actor }) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > imageLimits().maxBytes + FORM_OVERHEAD) {
    return answer(request, 413, "too-large", refuseBySize(declared) ?? "The file is too large.");
  }
  const form = await request.formData().catch(() => null);
  const files = (form?.getAll("file") ?? []).filter((value): value is File => value instanceof File);
  if (files.length === 0 || files.length > 20) {
    return answer(request, 400, "no-file", "Choose one to twenty image files to upload.");
  }
  const altText = form?.get("altText");
  const uploaded: MediaItem[] = [];
  for (const file of files) {
    const tooLarge = refuseBySize(file.size);
    const result = tooLarge
      ? ({ ok: false, message: tooLarge } as const)
      : await uploadMedia({
          fileName: file.name,
          bytes: Buffer.from(await file.arrayBuffer()),
          altText: typeof altText === "string" ? altText : "",
          uploadedBy: actor.id,
        });
    if (!result.ok) {
      // What was uploaded before the refused file stays; the message says which failed.
      const name = file.name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 100);
      return answer(request, tooLarge ? 413 : 400, "refused", `${name || "The file"}: ${result.message}`, uploaded);
    }
    uploaded.push(result.media);
  }
  return answer(
    request,
    201,
    "uploaded",
    `${uploaded.length === 1 ? "The image is" : "The images are"} in the library.`,
    uploaded,
  );
});
