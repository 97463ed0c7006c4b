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
import { authCookies } from "@/lib/auth/auth-cookies";
import { isPlausibleSlug } from "@/lib/http/search-params";
import { servedOverHttps } from "@/lib/http/request-security";

const ARTICLE_PATH = /^\/articles\/([^/?]+)(?:\?|$)/;

export type ReaderPage = {
  /** What the page is kept under: the request's address and the reader's variant. */
  variant: string;
  slug: string;
};

/** The request's cookies by name; null when a name appears twice. */
export function parseCookies(header: string): Map<string, string> | null {
  const cookies = new Map<string, string>();
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at === -1) continue;
    const name = pair.slice(0, at).trim();
    if (cookies.has(name)) return null;
    cookies.set(name, pair.slice(at + 1).trim());
  }
  return cookies;
}

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
  const header = request.headers.cookie;
  if (slug === null || header === undefined) return null;
  const cookies = parseCookies(header);
  if (cookies === null) return null;
  const forwardedProto = request.headers["x-forwarded-proto"];
  const secure = servedOverHttps(
    new Headers(typeof forwardedProto === "string" ? { "x-forwarded-proto": forwardedProto } : {}),
  );
  if (cookies.has(grantCookieName(secure))) return null;
  const token = cookies.get(authCookies(secure).sessionToken.name);
  if (!token) return null;
  const access = await sessionArticleAccess(token, slug, now);
  return access.kind === "decided" ? { variant: access.variant, slug } : null;
}
