// POST /api/admin/articles/preview: the editor's live preview of a body, cut
// and rendered exactly as the article page does it (JSON).
import { NextResponse } from "next/server";
import { z } from "zod";
import { readInput } from "@/lib/http/read-input";
import { LIMITS, MAX_REQUEST_BYTES } from "@/lib/newsroom/articles/article-input";
import { previewArticleBody } from "@/lib/newsroom/articles/preview-article-body";
import { withRole } from "@/lib/newsroom/require-role";

const input = z.object({ body: z.string().max(LIMITS.body) });

export const POST = withRole("editor", async (request, { actor }) => {
  const parsed = input.safeParse(await readInput(request, { maxBytes: MAX_REQUEST_BYTES }));
  if (!parsed.success) {
    return NextResponse.json(
      { error: "invalid", message: `Send the body as text, at most ${LIMITS.body.toLocaleString("en")} characters.` },
      { status: 400 },
    );
  }
  return NextResponse.json(await previewArticleBody(actor, parsed.data.body.replace(/\r\n?/g, "\n")));
});
