// A request that says it is Googlebot gets what an anonymous reader gets:
// the preview, never the gated text. Folio has no "first click free" or
// verified-crawler full text (see docs/security.md).
import { expect, test } from "@playwright/test";
import { GATED_SENTENCE, PREVIEW_SENTENCE, gatedArticle } from "./fixtures";

const GOOGLEBOTS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/120.0.0.0 Safari/537.36",
  "Googlebot-News",
];
// Next.js puts the metadata of a page in <head> at once, instead of
// streaming it, for crawlers it believes run no JavaScript (bingbot among
// them): the same tags in another place. What is compared is the article
// as rendered, in <main>.
const OTHER_CRAWLERS = ["Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"];

function mainOf(html: string): string {
  return /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? "";
}

function expectSame(actual: string, expected: string, label: string): void {
  if (actual === expected) return;
  const at = [...actual].findIndex((char, index) => char !== expected[index]);
  throw new Error(
    `${label}: differs at ${at}:\n  anonymous: ${expected.slice(at - 120, at + 120)}\n  crawler:   ${actual.slice(at - 120, at + 120)}`,
  );
}

/**
 * The page without what differs from one request to the next whoever asks:
 * the inline scripts (the streamed payload, its rows in the order they
 * resolved; it is searched for the gated text above), nonces, and the server
 * actions' encrypted bound arguments (a fresh IV each time).
 */
function comparable(html: string): string {
  return (
    html
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script></script>")
      .replace(/nonce="[^"]*"/g, 'nonce=""')
      .replace(/\\"nonce\\":\\"[^"\\]*\\"/g, '\\"nonce\\":\\"\\"')
      .replace(/(name="\$ACTION_[^"]*" value=")[^"]*"/g, '$1"')
      // React's markers of the streamed metadata boundary, absent when it is not streamed.
      .replace(/<!--\/?\$[?!]?-->/g, "")
  );
}

test("a crawler by user agent sees exactly what an anonymous reader sees", async ({ request }) => {
  const path = `/articles/${gatedArticle.slug}`;
  // Once first, so that every request below is answered from the same warm
  // read cache (lib/cache): a cold request streams the metadata later than a
  // warm one, which moves the <title> in the page without changing it.
  expect((await request.get(path)).status()).toBe(200);
  const anonymous = await request.get(path);
  expect(anonymous.status()).toBe(200);
  const reference = comparable(await anonymous.text());
  expect(reference).toContain(PREVIEW_SENTENCE);
  expect(reference).not.toContain(GATED_SENTENCE);
  expect(mainOf(reference)).toContain(PREVIEW_SENTENCE);
  for (const userAgent of [...GOOGLEBOTS, ...OTHER_CRAWLERS]) {
    for (const headers of [{ "User-Agent": userAgent }, { "User-Agent": userAgent, RSC: "1" }] as Record<
      string,
      string
    >[]) {
      const response = await request.get(path, { headers: { ...headers, From: "googlebot(at)googlebot.com" } });
      const body = await response.text();
      expect(body, userAgent).not.toContain(GATED_SENTENCE);
      expect(body, userAgent).not.toContain(GATED_SENTENCE.split(" ").at(-1)!);
      if ("RSC" in headers) continue;
      expectSame(mainOf(comparable(body)), mainOf(reference), userAgent);
    }
  }
});
