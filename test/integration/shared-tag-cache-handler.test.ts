// The cache handler against real PostgreSQL, as two app servers would run it:
// two copies of the module (each server has its own memory), one database.
// An invalidation made through one is applied there at once and seen by the
// other within about a second; entries under other tags stay.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { tagsToRefresh } from "@/lib/cache/refresh-article-pages";
import { invalidateTags } from "@/lib/cache/tag-invalidation";
import { testDatabaseUrl } from "../fixtures/test-database";

import type SharedTagCacheHandler from "@/lib/cache/shared-tag-cache-handler.mjs";

/** A fresh copy of the handler module: a server of its own. */
async function server(): Promise<SharedTagCacheHandler> {
  testDatabaseUrl();
  vi.resetModules();
  const module = await import("@/lib/cache/shared-tag-cache-handler.mjs");
  return new module.default({});
}

const entry = (body: string) => ({ kind: "FETCH", data: { headers: {}, body, status: 200, url: "" }, revalidate: 3600 });
const unique = (name: string) => `${name}-${randomBytes(4).toString("hex")}`;
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long until the handler stops serving the entry (it reads the table beside its reads, once a second). */
async function msUntilGone(handler: SharedTagCacheHandler, key: string, context: { tags?: string[]; softTags?: string[] }): Promise<number> {
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
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("folio.cache.tag-invalidations")];
    await invalidateTags([tag]);
    expect(await msUntilGone(handler, "by-slug", { tags: [tag] })).toBeLessThan(2_000);
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
