// A page that shows more than its address says: a gift link's article, or
// an article read whole because the client's address is in an organisation's
// IP range. Such a page must never be kept for anyone else: the web server
// sends it `private, no-store` (server/apply-cache-policy.ts), so neither a
// CDN nor its own page cache (server/page-cache.ts) stores it, even when the
// request carried no cookie.
import { currentRequestContext } from "@/lib/observability/request-context";

/** Tells the web server that this request's page is for this browser alone. */
export function declarePrivatePage(): void {
  const context = currentRequestContext();
  if (context) context.privatePage = true;
}
