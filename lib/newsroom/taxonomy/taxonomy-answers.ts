// How the taxonomy routes answer: a form goes back to the newsroom page with
// a notice (and, after a refused save, what was typed, so nothing is lost);
// a script gets JSON with the status code.
import { answer, type Outcome } from "@/lib/http/answer";
import type { TaxonomyFields } from "./taxonomy-input";
import type { TaxonomyItem } from "./taxonomy-items";
import { TAXONOMY_KINDS, type TaxonomyKind } from "./taxonomy-kinds";
import type { SaveResult } from "./save-taxonomy-item";

/** The list page, or one item's page, with what was typed in the query. */
export function taxonomyPage(
  kind: TaxonomyKind,
  id?: string,
  typed?: Partial<Record<keyof TaxonomyFields, unknown>>,
): string {
  const path = id ? `${TAXONOMY_KINDS[kind].adminPath}/${id}` : TAXONOMY_KINDS[kind].adminPath;
  const query = new URLSearchParams();
  for (const [field, value] of Object.entries(typed ?? {})) {
    if (typeof value === "string" && value !== "") query.set(field, value.slice(0, 2000));
  }
  return query.size > 0 ? `${path}?${query}` : path;
}

export function itemJson(item: TaxonomyItem): Record<string, unknown> {
  return { item: { ...item, url: `${TAXONOMY_KINDS[item.kind].publicPath}/${item.slug}` } };
}

export function notFound(request: Request, kind: TaxonomyKind): Response {
  const { singular } = TAXONOMY_KINDS[kind];
  return answer(
    request,
    { status: 404, notice: "not-found", message: `There is no such ${singular}.` },
    taxonomyPage(kind),
  );
}

export function unreadable(request: Request, returnTo: string): Response {
  return answer(
    request,
    { status: 400, notice: "invalid-input", message: "Send the fields as a form or a JSON object." },
    returnTo,
  );
}

export function answerSave(
  request: Request,
  kind: TaxonomyKind,
  id: string | null,
  input: Record<string, unknown>,
  result: SaveResult,
): Response {
  if (result.kind === "not-found") return notFound(request, kind);
  if (result.kind === "invalid") {
    const outcome: Outcome = {
      status: result.problem === "slug-taken" ? 409 : 400,
      notice: result.problem,
      message: Object.values(result.errors).join(" "),
    };
    return answer(request, outcome, taxonomyPage(kind, id ?? undefined, input));
  }
  const created = id === null;
  const outcome: Outcome = {
    status: created ? 201 : 200,
    notice: created ? "created" : "saved",
    message: `${result.item.name} is ${created ? "created" : "saved"}.`,
    body: itemJson(result.item),
  };
  return answer(request, outcome, created ? taxonomyPage(kind) : taxonomyPage(kind, result.item.id));
}
