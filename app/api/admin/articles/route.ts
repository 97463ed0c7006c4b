// GET /api/admin/articles?status=&q=&page=: the newsroom's article list (JSON).
// POST /api/admin/articles: a new draft (form: back to its editor; JSON: 201).
import { NextResponse } from "next/server";
import { parsePage } from "@/lib/http/search-params";
import { readInput } from "@/lib/http/read-input";
import { LIST_FIELDS, MAX_REQUEST_BYTES, parseArticleContent } from "@/lib/newsroom/articles/article-input";
import { editorAnswer, invalid, UNREADABLE } from "@/lib/newsroom/articles/editor-answer";
import { listNewsroomArticles, STATUSES } from "@/lib/newsroom/articles/list-newsroom-articles";
import { createArticle } from "@/lib/newsroom/articles/save-article";
import { withRole } from "@/lib/newsroom/require-role";

export const GET = withRole("editor", async (request, { actor }) => {
  const params = new URL(request.url).searchParams;
  const status = STATUSES.find((value) => value === params.get("status"));
  const query = (params.get("q") ?? "").slice(0, 200);
  const page = await listNewsroomArticles(actor, { status, query, page: parsePage(params.get("page") ?? undefined) });
  return NextResponse.json(page);
});

export const POST = withRole("editor", async (request, { actor }) => {
  const back = "/admin/articles/new";
  const input = await readInput(request, { maxBytes: MAX_REQUEST_BYTES, lists: LIST_FIELDS });
  if (!input) return editorAnswer(request, UNREADABLE, back);
  const parsed = parseArticleContent(input);
  if (!parsed.ok) return editorAnswer(request, invalid(parsed.fieldErrors), back);
  const result = await createArticle(actor, parsed.value);
  if (result.kind === "invalid") return editorAnswer(request, invalid(result.fieldErrors), back);
  return editorAnswer(
    request,
    {
      status: 201,
      notice: "created",
      message: "The draft is saved.",
      body: {
        id: result.id,
        version: result.version,
        slug: result.slug,
        status: "draft",
        editUrl: `/admin/articles/${result.id}`,
      },
    },
    `/admin/articles/${result.id}`,
  );
});
