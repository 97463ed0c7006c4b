// Which crawlers get a page rendered differently, and how Next.js is told.
//
// Next.js renders a page's metadata into <head> before the body for crawlers
// that run no script ("HTML-limited bots"), and streams it later for
// browsers; it treats Googlebot, which runs script, as a bot too
// (https://nextjs.org/docs/app/api-reference/config/next-config-js/htmlLimitedBots).
// Folio gives Next.js its own list (next.config.js reads html-limited-bots.json),
// so that the whole-page cache (server/page-cache.ts) can key pages by the
// same classification without importing Next.js internals.
import htmlLimitedBots from "./html-limited-bots.json";

export const HTML_LIMITED_BOTS = new RegExp(htmlLimitedBots.pattern, "i");

// Any other crawler, Googlebot among them: broader than what Next.js treats
// as a bot, so that no page rendered for one is ever stored for browsers.
const OTHER_CRAWLERS = /bot\b|bot\/|crawl|spider|Googlebot|preview/i;

export type CrawlerKind = "html-limited" | "crawler" | "browser";

export function crawlerKind(userAgent: string | undefined): CrawlerKind {
  const agent = userAgent ?? "";
  if (HTML_LIMITED_BOTS.test(agent)) return "html-limited";
  return OTHER_CRAWLERS.test(agent) ? "crawler" : "browser";
}
