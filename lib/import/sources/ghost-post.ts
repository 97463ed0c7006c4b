// A row of a Ghost export's posts table as an imported post, or as the
// problem that keeps it out. Ghost's paywall cut, the members-only card, is
// the comment `<!--members-only-->` in the post's HTML; it becomes Folio's.
import type { ImportedPost, ImportProblem } from "@/lib/import/import-source";
import type { GhostExportIndex } from "./ghost-export-index";
import { rowText, rowWhere, type GhostRow, type GhostScalar } from "./ghost-export-rows";
import { htmlToMarkdown, PAYWALL_PLACEHOLDER } from "./html-to-markdown";
import { POST_SIZE_LIMIT, POST_TOO_LARGE } from "./post-size-limit";

/** The string fields of a post this reads; html only when the bodies are converted. */
export const GHOST_POST_FIELDS = [
  "id",
  "title",
  "slug",
  "custom_excerpt",
  "status",
  "visibility",
  "type",
  "published_at",
  "feature_image",
  "author_id",
];

const MEMBERS_ONLY = "<!--members-only-->";

/** Since Ghost 4 the export writes the site's own URLs as `__GHOST_URL__/…`: paths on the old site. */
const GHOST_URL = /__GHOST_URL__\/?/g;

// "sent" is a post that went out by email only; Folio keeps it as published.
// A Map, so that a status such as "constructor" finds nothing.
const STATUSES = new Map<string, ImportedPost["status"]>([
  ["published", "published"],
  ["sent", "published"],
  ["scheduled", "scheduled"],
  ["draft", "draft"],
]);

/** Ghost 5 writes ISO dates; older exports "YYYY-MM-DD HH:MM:SS" in UTC, or milliseconds. Undefined: not a date. */
function publicationDate(value: GhostScalar | undefined): Date | null | undefined {
  if (value == null || value === "") return null;
  if (typeof value !== "string") return undefined;
  const date = /^\d+$/.test(value)
    ? new Date(Number(value))
    : new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value) ? `${value.replace(" ", "T")}Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function body(html: string, featureImage: string | null): Pick<ImportedPost, "markdown" | "imageUrls"> {
  // Ghost uses the first card only; a later one is dropped with the other comments.
  const marked = html.replace(GHOST_URL, "/").replace(MEMBERS_ONLY, PAYWALL_PLACEHOLDER);
  const { markdown, imageUrls } = htmlToMarkdown(marked);
  return { markdown, imageUrls: [...new Set([...(featureImage ? [featureImage] : []), ...imageUrls])] };
}

/** `row` of the posts table as a post; with `bodies` false its markdown and images are left empty. */
export function ghostPost(row: GhostRow, index: GhostExportIndex, bodies: boolean): ImportedPost | ImportProblem {
  const where = rowWhere("post", row);
  const problem = (reason: string): ImportProblem => ({ kind: "problem", where, reason });
  // Before Ghost 2.0 a page was a post with page set.
  const page = row.values.get("page");
  if (row.values.get("type") === "page" || page === true || page === "1") return problem("a page, not a post: skipped");
  if (["html", ...GHOST_POST_FIELDS].some((field) => (row.lengths.get(field) ?? 0) > POST_SIZE_LIMIT)) {
    return problem(POST_TOO_LARGE);
  }
  const key = rowText(row, "id");
  const title = rowText(row, "title");
  const slug = rowText(row, "slug");
  if (!key) return problem("it has no id");
  if (!title) return problem("it has no title");
  if (!slug) return problem("it has no slug");
  const ghostStatus = rowText(row, "status") ?? "";
  const status = STATUSES.get(ghostStatus);
  if (!status) return problem(`its status ${JSON.stringify(ghostStatus)} is not one Ghost exports`);
  const publishedAt = publicationDate(row.values.get("published_at"));
  if (publishedAt === undefined) return problem("its published_at is not a date");
  const source = ["lexical", "mobiledoc"].find((field) => (row.lengths.get(field) ?? 0) > 0);
  if ((row.lengths.get("html") ?? 0) === 0 && source) {
    return problem(
      `it has Ghost's ${source} source but no HTML, and only HTML is imported: save it in Ghost, export again`,
    );
  }
  const featureImage = rowText(row, "feature_image")?.replace(GHOST_URL, "/") ?? null;
  const { markdown, imageUrls } = bodies
    ? body(rowText(row, "html") ?? "", featureImage)
    : { markdown: "", imageUrls: [] };
  return {
    kind: "post",
    key,
    where,
    title,
    dek: rowText(row, "custom_excerpt") ?? "",
    slug,
    markdown,
    free: (rowText(row, "visibility") ?? "public") === "public",
    status,
    publishedAt,
    authorKeys: index.authorsOf(key, rowText(row, "author_id")),
    termKeys: index.termsOf(key),
    oldPaths: [`/${slug}/`],
    imageUrls,
  };
}
