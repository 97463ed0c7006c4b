// Article pages for signed-in readers, answered from the page cache
// (page-cache.ts) without Next.js rendering them. A signed-in reader's page
// depends on them only through its variant (lib/access/article-page-variant.ts):
// whether they subscribe, how many free articles they have left, whether
// they unlocked this one. Per request the server reads the session, the
// reader's subscriptions, unlock and meter in one query and decides access
// with decideAccess (lib/access/session-article-access.ts); the page is then
// the one kept for the article and that variant, rendered by Next.js for
// an earlier reader of the same variant, with a nonce of its own.
//
// Everything else goes to Next.js: a request without a session cookie (the
// anonymous cache handles those), with the instant-access grant's cookie
// (its page holds the address typed), with a cookie named twice (which one
// Auth.js would take is not ours to guess), a session Auth.js would extend
// on this request or that has ended, and an address with no published
// article behind it.
import type { IncomingMessage } from "node:http";
import { grantCookieName } from "@/lib/access/article-grant";
import { sessionArticleAccess } from "@/lib/access/session-article-access";
import { isPlausibleSlug } from "@/lib/http/search-params";
import { sessionCookieOf } from "./session-cookie";

const ARTICLE_PATH = /^\/articles\/([^/?]+)(?:\?|$)/;

export type ReaderPage = {
  /** What the page is kept under: the request's address and the reader's variant. */
  variant: string;
  slug: string;
};

/** The slug of an article page's address, or null. */
export function articleSlugOf(url: string): string | null {
  const encoded = ARTICLE_PATH.exec(url)?.[1];
  if (encoded === undefined) return null;
  try {
    const slug = decodeURIComponent(encoded);
    return isPlausibleSlug(slug) ? slug : null;
  } catch {
    return null;
  }
}

/**
 * The variant of the signed-in reader asking for an article page, or null
 * when Next.js must answer the request itself.
 */
export async function readerPage(request: IncomingMessage, now = new Date()): Promise<ReaderPage | null> {
  const slug = articleSlugOf(request.url ?? "/");
  if (slug === null) return null;
  const session = sessionCookieOf(request);
  if (session === null || session.cookies.has(grantCookieName(session.secure))) return null;
  const access = await sessionArticleAccess(session.token, slug, now);
  return access.kind === "decided" ? { variant: access.variant, slug } : null;
}
