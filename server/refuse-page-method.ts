// Next.js renders a page for any method: PUT, DELETE or PATCH on an article
// answered the article with a 200, as if it had been changed. A page answers
// GET and HEAD, and POST for its server actions (Next.js decides which POST
// is one; any other POST renders the page as a GET would). Everything else
// is answered 405 with Allow here. Route handlers keep Next.js's own method
// handling (405 for a method they do not export, OPTIONS answered with
// Allow): those under /api/, and the file-like addresses (/feed.xml,
// /robots.txt, /logo.png, /media/…/x.webp). /subscribe/return is the one
// route handler elsewhere; it answers GET only, and the 405 for the rest
// comes from here.
import type { IncomingMessage } from "node:http";

export const PAGE_METHODS = "GET, HEAD, POST";
const ALLOWED = new Set(PAGE_METHODS.split(", "));

/** The path of the request's target (the origin-form, or the absolute-form a proxy may send). */
export function requestPath(url: string | undefined): string {
  const target = (url ?? "/").replace(/^https?:\/\/[^/?#]*/i, "");
  return target.split("?")[0] || "/";
}

function isPage(path: string): boolean {
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  return !path.slice(path.lastIndexOf("/") + 1).includes(".");
}

/** The 405's message when a page is asked for with a method it does not answer, else null. */
export function unsupportedPageMethod(request: IncomingMessage): string | null {
  const method = request.method ?? "GET";
  if (ALLOWED.has(method) || !isPage(requestPath(request.url))) return null;
  return `Method not allowed: a page answers ${PAGE_METHODS}.`;
}
