// A database read whose result is the same for every reader, cached in this
// server's memory under tags until a change invalidates one of them
// (refresh-article-pages.ts). Pages stay rendered per request (their CSP
// nonce is per request); what is cached is the data and rendering work under
// them. Only reader-independent results may go through here: never gated
// text, never anything read from the session.
//
// An entry is stamped with the moment its read began, and served while the
// tag clock (tag-clock.ts) vouches that none of its tags changed since. While
// the clock cannot vouch (no listener in this process: scripts, tests,
// `next dev`; or the database away), every call reads the database.
//
// Values are kept as the read returned them, not copied: callers must treat
// them as read-only (they are shared by every request that hits).
import { LRUCache } from "lru-cache";
import { clockNow, clockVouches, tagsChangedSince } from "./tag-clock";

/** A safety net: an entry is read again after an hour even if no invalidation reached it. */
const MAX_AGE_MS = 60 * 60_000;
// Counted as twice the JSON's length, which undercounts the objects on the
// heap about fivefold (a heap snapshot after 400 article pages: about 120 KB
// live per article for about 25 KB counted). At 64 MB counted, 2,000
// different articles took a 256 MB heap to its limit and the server down.
// The page cache keeps whole pages in front of these reads, so they serve
// renders only, and a smaller budget costs little.
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

type Entry = { value: unknown; tags: string[]; readAt: number };

type Pending = { result: Promise<unknown>; tags: string[]; readAt: number };

type Store = { entries: LRUCache<string, Entry>; reading: Map<string, Pending> };

// One store per process, for the same reason as the tag clock's state: the
// chunks Next.js bundles this module into must share it.
const STORE = Symbol.for("folio.cache.shared-read-store");
const holder = globalThis as { [STORE]?: Store };

function store(): Store {
  holder[STORE] ??= {
    entries: new LRUCache<string, Entry>({
      maxSize: maxBytes(),
      // Roughly what the value occupies; computed once, when it is stored.
      sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.value)?.length ?? 1) * 2,
      ttl: MAX_AGE_MS,
    }),
    reading: new Map(),
  };
  return holder[STORE];
}

function maxBytes(): number {
  const megabytes = Number(process.env.FOLIO_CACHE_MAX_MB);
  return Number.isFinite(megabytes) && megabytes > 0 ? megabytes * 1024 * 1024 : DEFAULT_MAX_BYTES;
}

export type SharedReadOptions<Args extends unknown[]> = {
  /** Names the read in the cache key; unique per read. */
  name: string;
  tags: (...args: Args) => string[];
};

export function sharedRead<Args extends unknown[], T>(
  read: (...args: Args) => Promise<T>,
  options: SharedReadOptions<Args>,
): (...args: Args) => Promise<T> {
  return async (...args: Args) => {
    if (!clockVouches()) return read(...args);
    const { entries, reading } = store();
    const key = JSON.stringify([options.name, ...args]);
    const entry = entries.get(key);
    if (entry && !tagsChangedSince(entry.tags, entry.readAt)) return entry.value as T;
    // A burst of requests for one entry waits for one read, unless something
    // it depends on changed since that read began.
    const pending = reading.get(key);
    if (pending && !tagsChangedSince(pending.tags, pending.readAt)) return pending.result as Promise<T>;
    const readAt = clockNow();
    const tags = options.tags(...args);
    const result = read(...args);
    reading.set(key, { result, tags, readAt });
    try {
      const value = await result;
      // Kept only if nothing it depends on changed while it was being read.
      if (value !== undefined && !tagsChangedSince(tags, readAt)) entries.set(key, { value, tags, readAt });
      return value;
    } finally {
      if (reading.get(key)?.result === result) reading.delete(key);
    }
  };
}
