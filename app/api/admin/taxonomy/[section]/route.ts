// POST /api/admin/taxonomy/{authors|topics|regions}: create an author, topic or region (editors).
import { NextResponse } from "next/server";
import { readInput } from "@/lib/http/read-input";
import { withRole } from "@/lib/newsroom/require-role";
import { answerSave, taxonomyPage, unreadable } from "@/lib/newsroom/taxonomy/taxonomy-answers";
import { kindOfSection } from "@/lib/newsroom/taxonomy/taxonomy-kinds";
import { createTaxonomyItem } from "@/lib/newsroom/taxonomy/save-taxonomy-item";

export const POST = withRole<{ section: string }>("editor", async (request, { actor, params }) => {
  const kind = kindOfSection(params.section);
  if (!kind) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const input = await readInput(request);
  if (!input) return unreadable(request, taxonomyPage(kind));
  return answerSave(request, kind, null, input, await createTaxonomyItem(actor, kind, input));
});
