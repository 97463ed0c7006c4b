// The whole-page caches as a test meets them (server/page-cache.ts for
// anonymous pages, server/reader-pages.ts for signed-in readers' article
// pages): each answer's X-Folio-Page-Cache says whether it came from one.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

type Answer = { headers(): Record<string, string> };

/** "hit" or "miss" where a page cache was asked; undefined where the page is never kept. */
export const pageCache = (answer: Answer) => answer.headers()["x-folio-page-cache"];

/**
 * Asks until the answer comes from a page cache, and returns that answer.
 * Asking again is not leniency: a newsroom change in a test running beside
 * this one empties the caches, and the request after it is a miss that keeps
 * the page again. `ask` may fill the cache first and then make the request
 * that must be a hit (another reader's, another browser's): both are asked
 * again when a change came between them.
 */
export async function untilCached<A extends Answer>(ask: () => Promise<A>, message: string): Promise<A> {
  let cached: A | undefined;
  await expect
    .poll(
      async () => {
        const answer = await ask();
        if (pageCache(answer) === "hit") cached = answer;
        return pageCache(answer);
      },
      { timeout: 15_000, message },
    )
    .toBe("hit");
  return cached!;
}

/** Asks for a page until it comes from a page cache, and returns that answer. */
export function keptPage(request: APIRequestContext, path: string): Promise<APIResponse> {
  return untilCached(() => request.get(path), `${path} is answered from the page cache`);
}
