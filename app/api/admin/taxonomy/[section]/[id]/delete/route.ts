// POST /api/admin/taxonomy/{authors|topics|regions}/{id}/delete: delete one that no article uses (editors).
import { NextResponse } from "next/server";
import { answer } from "@/lib/http/answer";
import { withRole } from "@/lib/newsroom/require-role";
import { deleteTaxonomyItem } from "@/lib/newsroom/taxonomy/delete-taxonomy-item";
import { notFound, taxonomyPage } from "@/lib/newsroom/taxonomy/taxonomy-answers";
import { kindOfSection, TAXONOMY_KINDS } from "@/lib/newsroom/taxonomy/taxonomy-kinds";

export const POST = withRole<{ section: string; id: string }>("editor", async (request, { actor, params }) => {
  const kind = kindOfSection(params.section);
  if (!kind) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const result = await deleteTaxonomyItem(actor, kind, params.id);
  switch (result.kind) {
    case "not-found":
      return notFound(request, kind);
    case "in-use": {
      const { singular } = TAXONOMY_KINDS[kind];
      const message = `${result.name} is on ${result.articles} ${result.articles === 1 ? "article" : "articles"}, so it cannot be deleted: merge it into another ${singular} instead.`;
      return answer(
        request,
        { status: 409, notice: "in-use", message, body: { articles: result.articles } },
        taxonomyPage(kind, params.id),
      );
    }
    case "deleted":
      return answer(
        request,
        { status: 200, notice: "deleted", message: `${result.name} is deleted.` },
        taxonomyPage(kind),
      );
  }
});
