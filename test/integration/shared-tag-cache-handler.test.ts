// The cache handler against real PostgreSQL, as two app servers would run it:
// two copies of the module (each server has its own memory), one database.
// An invalidation made through one is applied there at once and seen by the
// other within about a second; entries under other tags stay.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { localTagCache } from "@/lib/cache/local-tag-cache";
import { tagsToRefresh } from "@/lib/cache/refresh-article-pages";
import { invalidateTags } from "@/lib/cache/tag-invalidation";
import { testDatabaseUrl } from "../fixtures/test-database";

import type SharedTagCacheHandler from "@/lib/cache/shared-tag-cache-handler.mjs";

const STATE = Symbol.for("folio.cache.shared-tag-state");
const HOOK = Symbol.for("folio.cache.tag-invalidations");

/** A fresh copy of the handler module with state of its own: a server of its own. */
async function server(): Promise<SharedTagCacheHandler> {
  delete (globalThis as Record<symbol, unknown>)[STATE];
  return copyInThisProcess();
}

/** Another copy of the module in the same server, as Next.js loads it for pages and for route handlers. */
async function copyInThisProcess(): Promise<SharedTagCacheHandler> {
  testDatabaseUrl();
  vi.resetModules();
  const handlerModule = await import("@/lib/cache/shared-tag-cache-handler.mjs");
  return new handlerModule.default({});
}

/** What the whole-page cache asks: this process's latest copy of the module, through globalThis. */
const tagChanges = () => localTagCache()!;

const entry = (body: string) => ({
  kind: "FETCH",
  data: { headers: {}, body, status: 200, url: "" },
  revalidate: 3600,
});
const unique = (name: string) => `${name}-${randomBytes(4).toString("hex")}`;
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long until the handler stops serving the entry (it reads the table beside its reads, once a second). */
async function msUntilGone(
  handler: SharedTagCacheHandler,
  key: string,
  context: { tags?: string[]; softTags?: string[] },
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 5_000) {
    if ((await handler.get(key, context)) === null) return Date.now() - started;
    await later(50);
  }
  return Number.POSITIVE_INFINITY;
}

describe("the shared tag cache handler", () => {
  it("serves an entry until one of its tags is invalidated, on this server at once and on the other within about a second", async () => {
    const [a, b] = [await server(), await server()];
    const [changed, untouched] = [unique("article"), unique("taxonomy")];
    for (const handler of [a, b]) {
      await handler.set("summary", entry('"old"'), { tags: [changed] });
      await handler.set("navigation", entry('"topics"'), { tags: [untouched] });
    }
    await later(5);
    expect(await b.get("summary", { tags: [changed] })).toMatchObject({ value: entry('"old"') });

    await a.revalidateTag([changed]);
    expect(await a.get("summary", { tags: [changed] })).toBeNull();
    expect(await msUntilGone(b, "summary", { tags: [changed] })).toBeLessThan(2_000);
    for (const handler of [a, b]) expect(await handler.get("navigation", { tags: [untouched] })).not.toBeNull();

    // Stored again after the invalidation: fresh.
    await b.set("summary", entry('"new"'), { tags: [changed] });
    await later(5);
    expect(await b.get("summary", { tags: [changed] })).toMatchObject({ value: entry('"new"') });
  });

  it("sees invalidations written without a handler in the process (a scheduled job, a script)", async () => {
    const handler = await server();
    const tag = unique("article-slug");
    await handler.set("by-slug", entry("null"), { tags: [tag] });
    await later(5);
    // This process has a handler now (the module set its hook); the table is what counts for the other one.
    delete (globalThis as Record<symbol, unknown>)[HOOK];
    await invalidateTags([tag]);
    expect(await msUntilGone(handler, "by-slug", { tags: [tag] })).toBeLessThan(2_000);
  });

  it("copies of the module in one server share one cache and one view of the invalidations", async () => {
    const pages = await server();
    const routes = await copyInThisProcess();
    const tag = unique("article");
    await pages.set("summary", entry('"old"'), { tags: [tag] });
    await later(5);
    // The first read also learns every invalidation made so far, as news from now.
    expect(await routes.get("summary", { tags: [tag] })).toMatchObject({ value: entry('"old"') });
    await later(5);
    const renderedAt = Date.now();
    await later(5);
    expect(await tagChanges().changedSince(renderedAt)).toBe(false);

    await routes.revalidateTag([tag]);
    expect(await pages.get("summary", { tags: [tag] })).toBeNull();
    expect(await tagChanges().changedSince(renderedAt)).toBe(true);
    expect(await tagChanges().changedSince(Date.now() + 1)).toBe(false);
  });

  it("tells the page cache of another server's change within about a second", async () => {
    const other = await server();
    await server(); // this server, whose page cache asks below
    const tag = unique("article-lists");
    // The first read learns every invalidation made so far, as news from now.
    await tagChanges().changedSince(0);
    await later(5);
    const renderedAt = Date.now();
    await later(5);
    expect(await tagChanges().changedSince(renderedAt)).toBe(false);
    await other.revalidateTag([tag]);
    const started = Date.now();
    while (!(await tagChanges().changedSince(renderedAt)) && Date.now() - started < 5_000) await later(50);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("checks the tags Next.js passes on a read too (implicit path tags)", async () => {
    const [a, b] = [await server(), await server()];
    const soft = unique("_N_T_/articles");
    await b.set("page-data", entry('"x"'), { tags: [] });
    await later(5);
    await a.revalidateTag(soft);
    expect(await msUntilGone(b, "page-data", { tags: [], softTags: [soft] })).toBeLessThan(2_000);
  });
});

describe("tagsToRefresh", () => {
  it("names the article's id and every slug, the lists, and the taxonomy when names changed", () => {
    expect(tagsToRefresh({ articleIds: ["1"], slugs: ["old", "new"] })).toEqual([
      "article-lists",
      "article:1",
      "article-slug:old",
      "article-slug:new",
    ]);
    expect(tagsToRefresh({ taxonomy: true })).toEqual(["article-lists", "taxonomy"]);
  });
});
