// GET /api/admin/articles/{id}/revisions?page=: the article's revisions, newest first (JSON).
import { NextResponse } from "next/server";
import { parsePage } from "@/lib/http/search-params";
import { listRevisions } from "@/lib/newsroom/articles/article-revisions";
import { withRole } from "@/lib/newsroom/require-role";

export const GET = withRole<{ id: string }>("editor", async (request, { actor, params }) => {
  const page = parsePage(new URL(request.url).searchParams.get("page") ?? undefined);
  const list = await listRevisions(actor, params.id, { page });
  if (!list) return NextResponse.json({ error: "not-found", message: "There is no such article." }, { status: 404 });
  return NextResponse.json(list);
});
