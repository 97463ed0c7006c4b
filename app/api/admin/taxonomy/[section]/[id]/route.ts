// POST /api/admin/taxonomy/{authors|topics|regions}/{id}: edit one (editors); every field is sent.
import { NextResponse } from "next/server";
import { readInput } from "@/lib/http/read-input";
import { withRole } from "@/lib/newsroom/require-role";
import { answerSave, taxonomyPage, unreadable } from "@/lib/newsroom/taxonomy/taxonomy-answers";
import { kindOfSection } from "@/lib/newsroom/taxonomy/taxonomy-kinds";
import { updateTaxonomyItem } from "@/lib/newsroom/taxonomy/save-taxonomy-item";

export const POST = withRole<{ section: string; id: string }>("editor", async (request, { actor, params }) => {
  const kind = kindOfSection(params.section);
  if (!kind) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const input = await readInput(request);
  if (!input) return unreadable(request, taxonomyPage(kind, params.id));
  return answerSave(request, kind, params.id, input, await updateTaxonomyItem(actor, kind, params.id, input));
});
