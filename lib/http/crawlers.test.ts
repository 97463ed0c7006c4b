import { describe, expect, it } from "vitest";
import { crawlerKind } from "./crawlers";

describe("crawlerKind", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", "browser"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", "browser"],
    [undefined, "browser"],
    ["Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "html-limited"],
    ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "html-limited"],
    ["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "html-limited"],
    ["WhatsApp/2.23.20.0", "html-limited"],
    ["Mozilla/5.0 (Linux; Android 11; moto g power) Chrome-Lighthouse", "html-limited"],
    // Googlebot runs script: Next.js still treats it as a bot.
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "crawler"],
    ["Googlebot-News", "crawler"],
    ["Mozilla/5.0 (compatible; SomeNewCrawler/1.0; +https://example.com/crawler)", "crawler"],
  ])("%s is a %s", (agent, kind) => {
    expect(crawlerKind(agent)).toBe(kind);
  });
});
