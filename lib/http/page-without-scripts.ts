// Reader pages that need no client code are sent without Next.js's client
// runtime (server/remove-page-scripts.ts takes it out of the HTML). Every
// form on them is a plain form that works without JavaScript
// (e2e/without-javascript.spec.ts), links are plain links, and what React
// would do on a phone is hydrate the whole page for nothing: about 130 KB of
// compressed script and one long task of some 1.5 s on Lighthouse's
// mid-range phone, ten times its Total Blocking Time budget
// (docs/performance.md, Phones). A page opts in by calling this while it
// renders; a page that has client code (search suggestions, the newsroom,
// Checkout) does not.
import { currentRequestContext } from "@/lib/observability/request-context";

/** Tells the web server to send this request's page without Next.js's scripts. */
export function sendPageWithoutScripts(): void {
  const context = currentRequestContext();
  if (context) context.withoutScripts = true;
}
