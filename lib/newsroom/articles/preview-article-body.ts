// The editor's live preview: the body cut and rendered exactly as the article
// page does it. The cut is made by the same SQL functions (folio_preview and
// folio_gated) that the page and every reader surface use, and both parts go
// through the same renderMarkdown, so the preview cannot drift from the page.
import { renderMarkdown } from "@/lib/articles/render-markdown";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "../actor";

export type BodyPreview = {
  previewHtml: string;
  gatedHtml: string;
  /** Whether anything is behind the cut (short articles have nothing). */
  hasGatedPart: boolean;
  /** Where the cut comes from: the editor's marker line, or the paragraph count. */
  cutBy: "marker" | "paragraphs";
  previewParagraphs: number;
};

// The marker as folio_preview finds it (see the first migration).
const MARKER_PATTERN = "(^|\\n)[ \\t]*<!--[ \\t]*paywall[ \\t]*-->";

export async function previewArticleBody(actor: Actor, body: string): Promise<BodyPreview> {
  assertRole(actor, "editor");
  const paragraphs = env().PREVIEW_PARAGRAPHS;
  const [row] = await db().$queryRaw<{ preview: string; gated: string; marked: boolean }[]>`
    SELECT folio_preview(${body}, ${paragraphs}::int) AS preview,
           folio_gated(${body}, ${paragraphs}::int) AS gated,
           regexp_instr(replace(${body}, E'\r\n', E'\n'), ${MARKER_PATTERN}) > 0 AS marked`;
  const preview = row?.preview ?? "";
  const gated = row?.gated ?? "";
  return {
    previewHtml: renderMarkdown(preview),
    gatedHtml: renderMarkdown(gated),
    hasGatedPart: gated !== "",
    cutBy: row?.marked ? "marker" : "paragraphs",
    previewParagraphs: paragraphs,
  };
}
