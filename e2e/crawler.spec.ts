// A request that says it is Googlebot gets what an anonymous reader gets:
// the preview, never the gated text. Folio has no "first click free" or
// verified-crawler full text (see README, "Security").
import { expect, test } from "@playwright/test";
import { GATED_SENTENCE, PREVIEW_SENTENCE, gatedArticle } from "./fixtures";

const CRAWLERS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/120.0.0.0 Safari/537.36",
  "Googlebot-News",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
];

/**
 * The page without what differs from one request to the next whoever asks:
 * nonces, and the server actions' encrypted bound arguments (a fresh IV each time).
 */
function comparable(html: string): string {
  return html
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/\\"nonce\\":\\"[^"\\]*\\"/g, '\\"nonce\\":\\"\\"')
    .replace(/(name="\$ACTION_[^"]*" value=")[^"]*"/g, '$1"');
}

test("a crawler by user agent sees exactly what an anonymous reader sees", async ({ request }) => {
  const path = `/articles/${gatedArticle.slug}`;
  const anonymous = await request.get(path);
  expect(anonymous.status()).toBe(200);
  const reference = comparable(await anonymous.text());
  expect(reference).toContain(PREVIEW_SENTENCE);
  expect(reference).not.toContain(GATED_SENTENCE);
  for (const userAgent of CRAWLERS) {
    for (const headers of [{ "User-Agent": userAgent }, { "User-Agent": userAgent, RSC: "1" }] as Record<string, string>[]) {
      const response = await request.get(path, { headers: { ...headers, From: "googlebot(at)googlebot.com" } });
      const body = await response.text();
      expect(body, userAgent).not.toContain(GATED_SENTENCE);
      expect(body, userAgent).not.toContain(GATED_SENTENCE.split(" ").at(-1)!);
      if (!("RSC" in headers)) expect(comparable(body), userAgent).toBe(reference);
    }
  }
});
