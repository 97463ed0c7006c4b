// One row of a Substack export's posts.csv, with its HTML file, as Folio's
// post or a problem row. Substack's export names no authors and no tags.
import type { ImportedPost, ImportProblem } from "@/lib/import/import-source";
import { htmlToMarkdown, PAYWALL_PLACEHOLDER } from "./html-to-markdown";

/**
 * Substack's paywall: an empty `<div class="paywall-jump"
 * data-component-name="PaywallToDOM"></div>` where free readers stop.
 * Either attribute is enough; the element is always empty.
 */
const PAYWALL_JUMP =
  /<div\b[^>]*\b(?:class="[^"]*\bpaywall-jump\b[^"]*"|data-component-name="PaywallToDOM")[^>]*>\s*<\/div>/gi;

/** Threads are discussions, not articles. Any other type is read as a post. */
const SKIPPED_TYPES = new Map([["thread", "a discussion thread, not a post: skipped"]]);

export type SubstackRow = {
  /** posts.csv's cells by column name. */
  cells: Map<string, string>;
  /** "posts.csv line 8". */
  where: string;
};

/** "123456.my-slug" → its key and slug; a draft's may have no slug yet. */
export function splitPostId(postId: string): { key: string; slug: string } {
  const dot = postId.indexOf(".");
  return dot === -1 ? { key: postId, slug: "" } : { key: postId.slice(0, dot), slug: postId.slice(dot + 1) };
}

function date(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** The first paywall element becomes the cut; Substack has one, and a second would be no cut of Folio's. */
function markCut(html: string): string {
  let first = true;
  return html.replace(PAYWALL_JUMP, () => {
    if (!first) return "";
    first = false;
    return PAYWALL_PLACEHOLDER;
  });
}

/** The body a podcast episode has at Substack is its show notes: the episode itself is linked first. */
function withEpisode(html: string, podcastUrl: string): string {
  if (!/^https?:\/\//i.test(podcastUrl)) return html;
  const href = podcastUrl.replace(/"/g, "%22");
  return `<p><a href="${href}">Listen to the episode</a></p>\n${html}`;
}

/** The post; `html` is its HTML file (null in the structural pass, which has no bodies). */
export function substackPost(row: SubstackRow, html: string | null): ImportedPost | ImportProblem {
  const cell = (name: string) => row.cells.get(name)?.replace(/\s+/g, " ").trim() ?? "";
  const problem = (reason: string): ImportProblem => ({ kind: "problem", where: row.where, reason });
  const skipped = SKIPPED_TYPES.get(cell("type"));
  if (skipped) return problem(skipped);
  const { key, slug } = splitPostId(cell("post_id"));
  if (key === "") return problem("it has no post_id: skipped");
  const published = cell("is_published") === "true";
  const body = html === null ? null : htmlToMarkdown(withEpisode(markCut(html), cell("podcast_url")));
  return {
    kind: "post",
    key,
    where: row.where,
    title: cell("title"),
    dek: cell("subtitle"),
    slug,
    markdown: body?.markdown ?? "",
    free: cell("audience") === "everyone",
    status: published ? "published" : "draft",
    publishedAt: date(cell("post_date")) ?? date(cell("email_sent_at")),
    authorKeys: [],
    termKeys: [],
    oldPaths: published && slug !== "" ? [`/p/${slug}`] : [],
    imageUrls: body?.imageUrls ?? [],
  };
}
