// One WXR item as Folio's post, a problem row, or nothing (what no one would
// want imported: trash, attachments, menu items, revisions). WordPress has
// no paywall: every post is gated, cut at its more tag or, without one, at
// Folio's default cut.
import type { ImportedPost, ImportProblem } from "@/lib/import/import-source";
import { htmlText } from "./html-text";
import { htmlToMarkdown } from "./html-to-markdown";
import { wordpressBodyHtml } from "./wordpress-content";
import type { WxrItem } from "./wxr-records";

/** Post types WordPress itself uses for things that are not articles, skipped without a word. */
const NOT_CONTENT = new Set([
  "attachment",
  "nav_menu_item",
  "revision",
  "custom_css",
  "customize_changeset",
  "oembed_cache",
  "user_request",
]);

const STATUSES = new Map<string, ImportedPost["status"]>([
  ["publish", "published"],
  ["future", "scheduled"],
  ["draft", "draft"],
  ["pending", "draft"],
  ["auto-draft", "draft"],
]);

/** "2020-01-02 10:00:00", WordPress's database time; "0000-00-00 00:00:00" when there is none. */
const DATABASE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function itemWhere(item: { number: number; line: number }): string {
  return `item ${item.number} (line ${item.line})`;
}

/** Slugs of non-ASCII titles are stored percent-encoded ("%c3%bcber-die-krise"). */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function databaseTime(value: string): RegExpMatchArray | null {
  const match = DATABASE_TIME.exec(value.trim());
  return match && match[1] !== "0000" ? match : null;
}

function publishedAt(fields: Map<string, string>): Date | null {
  const gmt = databaseTime(fields.get("wp:post_date_gmt") ?? "");
  if (gmt) return new Date(`${gmt[1]}-${gmt[2]}-${gmt[3]}T${gmt[4]}:${gmt[5]}:${gmt[6]}Z`);
  // RSS's own date; a draft's is "Mon, 30 Nov -0001 00:00:00 +0000", which is none.
  const rss = new Date(fields.get("pubDate") ?? "");
  return Number.isNaN(rss.getTime()) || rss.getUTCFullYear() < 1970 ? null : rss;
}

/**
 * The addresses a published post had: its link's path (whatever the site's
 * permalink setting was), and the dated one WordPress's common setting
 * gives, from the site's local date as WordPress builds it.
 */
function oldPaths(fields: Map<string, string>, rawSlug: string): string[] {
  const paths: string[] = [];
  try {
    const link = new URL(fields.get("link") ?? "");
    // Unpublished posts link to "/?p=123": that is no address of the post.
    if (link.pathname !== "/") paths.push(link.pathname);
  } catch {
    // No link, or not a URL: the dated path alone.
  }
  const local = databaseTime(fields.get("wp:post_date") ?? "");
  if (local && rawSlug !== "") {
    const dated = `/${local[1]}/${local[2]}/${local[3]}/${rawSlug}/`;
    if (!paths.includes(dated)) paths.push(dated);
  }
  return paths;
}

function termKeys(item: WxrItem): string[] {
  const keys = item.terms.flatMap((term) => {
    if (term.nicename === "") return [];
    if (term.domain === "category") return [`category:${term.nicename}`];
    if (term.domain === "post_tag") return [`tag:${term.nicename}`];
    return [];
  });
  return [...new Set(keys)];
}

/** The post, a problem row, or null for what is skipped silently. */
export function wordpressPost(item: WxrItem, bodies: boolean): ImportedPost | ImportProblem | null {
  const field = (name: string) => item.fields.get(name)?.trim() ?? "";
  const where = itemWhere(item);
  const problem = (reason: string): ImportProblem => ({ kind: "problem", where, reason });
  const type = field("wp:post_type") || "post";
  if (NOT_CONTENT.has(type) || type.startsWith("wp_")) return null;
  if (type === "page") return problem("a page, not a post: skipped");
  if (type !== "post") return problem(`a "${type}", not a post: skipped`);
  const state = field("wp:status");
  if (state === "trash") return null;
  if (state === "private") return problem("a private post: skipped");
  if (field("wp:post_password") !== "") return problem("a password-protected post: skipped");
  const status = STATUSES.get(state);
  if (!status) return problem(`its status "${state}" is not one WordPress publishes with: skipped`);
  const key = field("wp:post_id");
  if (key === "") return problem("it has no wp:post_id: skipped");

  const rawSlug = field("wp:post_name");
  const body = bodies ? htmlToMarkdown(wordpressBodyHtml(item.fields.get("content:encoded") ?? "")) : null;
  const creator = field("dc:creator");
  return {
    kind: "post",
    key,
    where,
    title: htmlText(field("title")),
    dek: htmlText(field("excerpt:encoded")),
    slug: decodeSlug(rawSlug),
    markdown: body?.markdown ?? "",
    free: false,
    status,
    publishedAt: publishedAt(item.fields),
    authorKeys: creator === "" ? [] : [creator],
    termKeys: termKeys(item),
    oldPaths: status === "published" ? oldPaths(item.fields, rawSlug) : [],
    imageUrls: body?.imageUrls ?? [],
  };
}
