// GET /api/admin/articles/{id}/revisions/{number}: one revision's content (JSON).
import { NextResponse } from "next/server";
import { getRevision } from "@/lib/newsroom/articles/article-revisions";
import { parseRevisionNumber } from "@/lib/newsroom/articles/revision-number";
import { withRole } from "@/lib/newsroom/require-role";

export const GET = withRole<{ id: string; number: string }>("editor", async (_request, { actor, params }) => {
  const number = parseRevisionNumber(params.number);
  const revision = number === null ? null : await getRevision(actor, params.id, number);
  if (!revision)
    return NextResponse.json({ error: "not-found", message: "There is no such revision." }, { status: 404 });
  return NextResponse.json(revision);
});
