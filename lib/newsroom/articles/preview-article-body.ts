// The editor's live preview: the body cut and rendered exactly as the article
// page will show it. The cut is made by the same module that cuts every saved
// article (lib/articles/paywall-cut.ts) with the same setting, and both parts
// go through the same renderMarkdown, so the preview cannot drift from the page.
import { cutArticle, type CutBy } from "@/lib/articles/paywall-cut";
import { renderMarkdown } from "@/lib/articles/render-markdown";
import { env } from "@/lib/config/env";
import { assertRole, type Actor } from "@/lib/auth/actor";

export type BodyPreview = {
  previewHtml: string;
  gatedHtml: string;
  /** Whether anything is behind the cut (short articles have nothing). */
  hasGatedPart: boolean;
  /** Where the cut comes from: the editor's marker line, or the paragraph count. */
  cutBy: CutBy;
  /** The 1-based line of the marker, or of where the gated part starts; null when nothing is cut off. */
  cutLine: number | null;
  previewParagraphs: number;
};

export async function previewArticleBody(actor: Actor, body: string): Promise<BodyPreview> {
  assertRole(actor, "editor");
  const paragraphs = env().PREVIEW_PARAGRAPHS;
  const cut = cutArticle(body, paragraphs);
  return {
    previewHtml: renderMarkdown(cut.preview),
    gatedHtml: renderMarkdown(cut.gated),
    hasGatedPart: cut.gated !== "",
    cutBy: cut.cutBy,
    cutLine: cut.cutLine,
    previewParagraphs: paragraphs,
  };
}
