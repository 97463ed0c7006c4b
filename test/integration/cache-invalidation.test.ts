// The shared read cache and the invalidation listener against the test
// database, as an app server runs them: what one process caches is served
// until a change to one of its tags, made in this process (seen at once) or
// by another server (heard through PostgreSQL); with the database out of
// reach nothing is served from memory, and after reconnecting the listener
// catches up on what changed while it was away.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { INVALIDATION_CHANNEL, invalidateTags } from "@/lib/cache/invalidate-tags";
import {
  startInvalidationListener,
  type InvalidationListener,
  type ListenerMode,
} from "@/lib/cache/invalidation-listener";
import { sharedRead } from "@/lib/cache/shared-read";
import { clockVouches } from "@/lib/cache/tag-clock";
import { startTcpProxy, type TcpProxy } from "../fixtures/tcp-proxy";
import { testDatabaseUrl } from "../fixtures/test-database";

// PGlite delivers a notification to the connection that sent it, so the
// embedded database is served by reading the table (see invalidation-listener.ts).
const MODES: ListenerMode[] = process.env.FOLIO_DATABASE_KIND === "embedded" ? ["poll"] : ["notify", "poll"];

const unique = (name: string) => `test-${name}-${randomBytes(4).toString("hex")}`;
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let listener: InvalidationListener | undefined;
let proxy: TcpProxy | undefined;

afterEach(async () => {
  await listener?.stop();
  await proxy?.close();
  listener = proxy = undefined;
});

/** A cached read that counts how often it reached "the database". */
function countedRead(tag: string) {
  let reads = 0;
  const read = sharedRead(async (key: string) => `${key}:${++reads}`, { name: unique("read"), tags: () => [tag] });
  return { tag, read: () => read("value"), reads: () => reads };
}

/** What another app server's invalidateTags writes, from a connection of its own. */
async function invalidateElsewhere(tags: string[]): Promise<void> {
  const other = new pg.Client({ connectionString: testDatabaseUrl() });
  await other.connect();
  try {
    await other.query(
      `WITH changed AS (
         INSERT INTO cache_tag_invalidations (tag, invalidated_at)
         SELECT tag, clock_timestamp() FROM unnest($1::text[]) AS tag
         ON CONFLICT (tag) DO UPDATE SET invalidated_at = EXCLUDED.invalidated_at
         RETURNING tag)
       SELECT count(pg_notify($2, tag)) FROM changed`,
      [tags, INVALIDATION_CHANNEL],
    );
  } finally {
    await other.end();
  }
}

/** How long until the cached read goes back to the database (polled every 10 ms, up to 5 s). */
async function msUntilReadAgain(counted: ReturnType<typeof countedRead>): Promise<number> {
  const before = counted.reads();
  const started = performance.now();
  while (performance.now() - started < 5_000) {
    await counted.read();
    if (counted.reads() > before) return performance.now() - started;
    await later(10);
  }
  return Number.POSITIVE_INFINITY;
}

async function listen(mode: ListenerMode, databaseUrl = testDatabaseUrl()): Promise<void> {
  listener = startInvalidationListener({ databaseUrl, mode });
  await listener.ready(10_000);
}

describe("the shared read cache", () => {
  it("reads the database every time while no listener vouches for it (scripts, tests, next dev)", async () => {
    expect(clockVouches()).toBe(false);
    const counted = countedRead(unique("article"));
    expect(await counted.read()).toBe("value:1");
    expect(await counted.read()).toBe("value:2");
  });

  describe.each(MODES)("with the listener in %s mode", (mode) => {
    it("serves a read from memory until one of its tags changes in this process, at once", async () => {
      await listen(mode);
      const [changed, untouched] = [countedRead(unique("article")), countedRead(unique("taxonomy"))];
      for (const counted of [changed, untouched]) {
        await counted.read();
        await counted.read();
        expect(counted.reads()).toBe(1);
      }
      await invalidateTags([changed.tag]);
      expect(await changed.read()).toBe("value:2");
      expect(await untouched.read()).toBe("value:1");
    });

    it("hears another server's change within a second", async () => {
      await listen(mode);
      const tag = unique("article-slug");
      const counted = countedRead(tag);
      await counted.read();
      await invalidateElsewhere([tag]);
      expect(await msUntilReadAgain(counted)).toBeLessThan(mode === "notify" ? 1_000 : 2_000);
    });

    it("serves nothing from memory while the database is away, and catches up on what changed meanwhile", async () => {
      proxy = await startTcpProxy(testDatabaseUrl());
      await listen(mode, proxy.url);
      const [changed, untouched] = [unique("article"), unique("taxonomy")];
      const [whileAway, unaffected] = [countedRead(changed), countedRead(untouched)];
      await whileAway.read();
      await unaffected.read();

      await proxy.cut();
      await waitFor(() => !clockVouches());
      await unaffected.read();
      expect(unaffected.reads()).toBe(2);
      await invalidateElsewhere([changed]);

      await proxy.restore();
      await listener!.ready(10_000);
      // The change made while the listener was away is not missed...
      expect(await whileAway.read()).toBe("value:2");
      // ...and what did not change is still served from memory, as stored before the cut.
      await unaffected.read();
      expect(unaffected.reads()).toBe(2);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error("the condition did not come true in time");
    await later(10);
  }
}
