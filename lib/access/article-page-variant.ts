// Everything of the reader that an article page shows, as one string. Two
// readers with the same variant get the same page, byte for byte but for the
// CSP nonce and the encryption of the unlock form's argument: the masthead's
// links (signed in, subscriber, newsroom), the meter line, the article whole
// or as a preview, the paywall panel's offer and the house promotion. The
// web server keeps one render per article and variant and answers every
// reader of that variant with it (server/reader-pages.ts); the page declares
// the variant it rendered, and a render is kept only when that is the
// variant the server expected, so a page is never filed under another
// reader's variant.
//
// Nothing personal may enter a variant or a page that depends on it: no
// address, no name, no id.
import { hasRole, type Role } from "@/lib/auth/roles";
import { currentRequestContext } from "@/lib/observability/request-context";
import type { ArticleAccess } from "./article-access";

export function articlePageVariant(access: ArticleAccess, reader: { role: Role } | null): string {
  const { decision, meter, subscriber } = access;
  return JSON.stringify({
    reader: reader === null ? "anonymous" : hasRole(reader.role, "editor") ? "newsroom" : "reader",
    subscriber,
    level: decision.level,
    reason: decision.reason,
    // Subscribers see no meter; a free reader's shows what is left and when it resets.
    meter: meter && !subscriber ? { limit: meter.limit, remaining: meter.remaining, resetsAt: meter.resetsAt } : null,
  });
}

/** Tells the web server which variant this request's page rendered (server/page-cache.ts reads it). */
export function declarePageVariant(variant: string): void {
  const context = currentRequestContext();
  if (context) context.pageVariant = variant;
}
