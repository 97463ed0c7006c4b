// Signed-in readers' article pages answered from the page cache
// (server/reader-pages.ts): one render per article and reader variant
// (lib/access/article-page-variant.ts), given to every reader of that
// variant. These tests hold the composed page to what Next.js renders for
// the same reader, and check that no reader ever gets a page of a variant
// that is not theirs: not an anonymous reader, not a free reader without the
// unlock, not a subscriber whose session ended or who just unlocked.
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { sql } from "./database";
import { GATED_SENTENCE, PREVIEW_SENTENCE, gatedArticle, meterArticles } from "./fixtures";
import { keptPage, pageCache, untilCached } from "./page-cache";
import { unlock } from "./reader-api";
import { startSession, storeSubscription as subscribe, type TestReader } from "./sessions";
import { uniqueEmail } from "./sign-in";

const articlePath = `/articles/${gatedArticle.slug}`;
const gatedTrace = GATED_SENTENCE.split(" ").at(-1)!;

type Reader = TestReader & { request: APIRequestContext; close(): Promise<void> };

/** A signed-in reader with a browser context (and its cookie jar) of their own. */
async function newReader(browser: Browser, name: string): Promise<Reader> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const reader = await startSession(context, uniqueEmail(test.info(), name));
  return { ...reader, request: context.request, close: () => context.close() };
}

/** The page's text as a reader reads it: React's markers between adjacent text taken out. */
const readable = async (response: APIResponse) => (await response.text()).replaceAll("<!-- -->", "");

/** What Next.js renders for this request now: a revalidating request always goes past the cache. */
async function renderedByNext(request: APIRequestContext, path: string): Promise<APIResponse> {
  const response = await request.get(path, { headers: { "If-None-Match": '"never"' } });
  expect(pageCache(response)).toBeUndefined();
  return response;
}

/**
 * The parts of a page a reader sees that depend on them: the masthead, the
 * meter line and the article with its panel. What differs between two
 * renders of the same page is taken out: the nonce, and the numbers Next.js
 * gives its forms' action fields in the order it renders them.
 */
function readerParts(html: string): Record<string, string | undefined> {
  const normal = html
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/\$ACTION_REF_\d+/g, "$ACTION_REF_n")
    .replace(/\$ACTION_\d+:/g, "$ACTION_n:");
  return {
    header: /<header class="site-header">[\s\S]*?<\/header>/.exec(normal)?.[0],
    meter: /<p class="meter-note"[\s\S]*?<\/p>/.exec(normal)?.[0],
    article: /<article class="article">[\s\S]*<\/article>(?=(?:<!--[^>]*-->)*<\/main>)/.exec(normal)?.[0],
  };
}

test.describe("a composed page equals the page Next.js renders for the same reader", () => {
  const kinds: [string, (reader: TestReader) => Promise<unknown>][] = [
    ["free reader without the unlock", async () => {}],
    ["free reader with the unlock", async () => {}],
    ["subscriber", (reader) => subscribe(reader.id)],
    [
      "comp reader",
      (reader) => sql(`UPDATE users SET comp_until = now() + interval '1 day' WHERE id = $1`, [reader.id]),
    ],
    ["editor", (reader) => sql(`UPDATE users SET role = 'editor' WHERE id = $1`, [reader.id])],
  ];
  for (const [kind, setUp] of kinds) {
    test(kind, async ({ browser }) => {
      const [first, second] = [await newReader(browser, "composed-a"), await newReader(browser, "composed-b")];
      try {
        for (const reader of [first, second]) {
          await setUp(reader);
          if (kind.endsWith("with the unlock"))
            expect((await unlock(reader.request, gatedArticle.slug)).status()).toBe(200);
        }
        // The first reader's render is kept; the second reader of the same variant gets it.
        const composed = await untilCached(async () => {
          await keptPage(first.request, articlePath);
          return second.request.get(articlePath);
        }, "the second reader is answered from the page cache");
        expect(composed.headers()["cache-control"]).toBe("private, no-store");
        const next = await renderedByNext(second.request, articlePath);
        const [composedParts, nextParts] = [readerParts(await composed.text()), readerParts(await next.text())];
        expect(composedParts.header).toBeTruthy();
        expect(composedParts.article).toBeTruthy();
        expect(composedParts).toEqual(nextParts);
        // The newsroom role gives no reading rights of its own: an editor without a plan meets the meter.
        const reads = kind === "free reader without the unlock" || kind === "editor" ? "preview" : "whole";
        expect(composedParts.article!.includes(gatedTrace), `the ${kind} reads the ${reads} article`).toBe(
          reads === "whole",
        );
      } finally {
        await first.close();
        await second.close();
      }
    });
  }

  test("anonymous reader", async ({ playwright }, testInfo) => {
    const anonymous = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    try {
      const kept = await keptPage(anonymous, articlePath);
      const next = await renderedByNext(anonymous, articlePath);
      const [keptParts, nextParts] = [readerParts(await kept.text()), readerParts(await next.text())];
      expect(keptParts.article).toBeTruthy();
      expect(keptParts).toEqual(nextParts);
      expect(keptParts.article).not.toContain(gatedTrace);
    } finally {
      await anonymous.dispose();
    }
  });
});

test("a subscriber's kept page goes to no anonymous reader, no free reader, and not past the session's end", async ({
  browser,
  playwright,
}, testInfo) => {
  const subscriber = await newReader(browser, "kept-subscriber");
  const free = await newReader(browser, "kept-free");
  const anonymous = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    await subscribe(subscriber.id);
    const kept = await keptPage(subscriber.request, articlePath);
    expect(await kept.text()).toContain(GATED_SENTENCE);
    for (const [who, request] of [
      ["an anonymous reader", anonymous],
      ["a free reader without the unlock", free.request],
    ] as const) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const response = await request.get(articlePath, { headers });
        const text = await response.text();
        expect(text, who).toContain(PREVIEW_SENTENCE);
        expect(text, who).not.toContain(gatedTrace);
      }
    }
    // Signed out on another device (the session is gone): the same cookie reads the preview.
    await sql("DELETE FROM sessions WHERE user_id = $1", [subscriber.id]);
    const after = await subscriber.request.get(articlePath);
    expect(after.headers()["cache-control"]).toBe("private, no-store");
    const text = await after.text();
    expect(text).toContain(PREVIEW_SENTENCE);
    expect(text).not.toContain(gatedTrace);
    expect(text).toContain("Log in");
  } finally {
    await anonymous.dispose();
    await subscriber.close();
    await free.close();
  }
});

test("a free reader's unlock shows the whole article on the next request, and the meter counts it", async ({
  browser,
}) => {
  const reader = await newReader(browser, "kept-unlock");
  try {
    const article = meterArticles[0];
    const path = `/articles/${article.slug}`;
    const before = await keptPage(reader.request, path);
    const beforeText = await readable(before);
    expect(beforeText).toContain("3 of 3 free articles left this month");
    expect(beforeText).not.toContain(article.gatedSentence);
    expect((await unlock(reader.request, article.slug)).status()).toBe(200);
    const after = await reader.request.get(path);
    expect(after.headers()["cache-control"]).toBe("private, no-store");
    const afterText = await readable(after);
    expect(afterText).toContain(article.gatedSentence);
    expect(afterText).toContain("2 of 3 free articles left this month");
  } finally {
    await reader.close();
  }
});
