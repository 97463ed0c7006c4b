// POST /api/admin/taxonomy/{authors|topics|regions}/{id}/merge: move its articles to `into`, then delete it (editors).
import { NextResponse } from "next/server";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";
import { withRole } from "@/lib/newsroom/require-role";
import { mergeTaxonomyItems } from "@/lib/newsroom/taxonomy/merge-taxonomy-items";
import { notFound, taxonomyPage, unreadable } from "@/lib/newsroom/taxonomy/taxonomy-answers";
import { kindOfSection, TAXONOMY_KINDS } from "@/lib/newsroom/taxonomy/taxonomy-kinds";

export const POST = withRole<{ section: string; id: string }>("editor", async (request, { actor, params }) => {
  const kind = kindOfSection(params.section);
  if (!kind) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const here = taxonomyPage(kind, params.id);
  const input = await readInput(request);
  if (!input) return unreadable(request, here);
  const { singular } = TAXONOMY_KINDS[kind];
  if (typeof input.into !== "string" || input.into === "") {
    return answer(
      request,
      { status: 400, notice: "choose-into", message: `Choose the ${singular} to merge it into.` },
      here,
    );
  }
  const result = await mergeTaxonomyItems(actor, kind, { fromId: params.id, intoId: input.into });
  switch (result.kind) {
    case "same":
      return answer(
        request,
        { status: 400, notice: "merge-same", message: `A ${singular} cannot be merged into itself.` },
        here,
      );
    case "not-found":
      if (result.which === "from") return notFound(request, kind);
      return answer(
        request,
        { status: 400, notice: "into-not-found", message: `There is no such ${singular} to merge into.` },
        here,
      );
    case "merged":
      return answer(
        request,
        {
          status: 200,
          notice: "merged",
          message: `${result.from.name} is merged into ${result.into.name}; ${result.articleIds.length} articles moved.`,
          body: { into: result.into, movedArticles: result.articleIds.length },
        },
        taxonomyPage(kind, result.into.id),
      );
  }
});
