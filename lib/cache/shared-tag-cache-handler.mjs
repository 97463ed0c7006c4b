// @ts-check
// Folio's Next.js cache handler (next.config.js `cacheHandler`): where the
// shared reads of lib/cache/shared-read.ts (unstable_cache) are kept.
//
// Entries stay in this process's memory (a size-bounded LRU), because a hit
// must cost no round trip. Invalidations are shared: a tag invalidated on any
// server (or by a scheduled job) is written to the PostgreSQL table
// cache_tag_invalidations, and every server reads the rows that changed at
// most once a second. An entry is stale when one of its tags was invalidated
// after it was stored; it is then dropped and read again. So a change made
// through one server is seen by all of them within about a second (and a
// round trip), with no Redis or other service to run.
//
// Entries are served only while this server can read the invalidations: with
// PostgreSQL unreachable another server may have unpublished an article, so
// pages are read afresh, and answer 503 like any page that needs the database.
//
// Plain JavaScript: Next.js imports this file at run time, outside its build.
// State lives at module level (Next.js makes a handler object per request)
// and on globalThis, so that the app's own code (lib/cache/tag-invalidation.ts,
// bundled separately) can tell this process about its invalidations at once.
import pg from "pg";

const POLL_INTERVAL_MS = 1_000;
// A read waits for the table only when nothing was confirmed for this long
// (an idle server, or PostgreSQL away); otherwise the table is read beside it,
// so that a hit costs no round trip.
const MAX_UNCONFIRMED_MS = 3_000;
// Rows are read again this far back: a transaction that took its timestamp
// before our last read may commit after it.
const POLL_OVERLAP_MS = 5_000;
// This process's own invalidations reach Next.js's revalidateTag after the
// response (route handlers run it afterwards): written already, not again.
const OWN_WRITE_WINDOW_MS = 5_000;
const MAX_BYTES = Number(process.env.FOLIO_CACHE_MAX_MB ?? 64) * 1024 * 1024;

/** @typedef {{ value: unknown, lastModified: number, tags: string[], bytes: number }} Entry */
/** @type {Map<string, Entry>} key -> entry, least recently used first */
const entries = new Map();
let totalBytes = 0;
/** @type {Map<string, { at: number, learnedAt: number, ownWriteAt: number }>} tag -> when it was invalidated (database clock) and when this process learned it */
const invalidations = new Map();
let lastPolledAt = 0;
let lastConfirmedAt = 0;
// Set when the database dropped our connection or a read of the table failed;
// cleared by the next read that succeeds.
let databaseLost = false;
let newestSeen = 0;
// The latest moment any tag changed, by either clock (see isStale): what the
// whole-page cache in front of Next.js (scripts/lib/page-cache.ts) compares
// its pages with, since it does not know which tags a page read.
let lastChangeAt = 0;
/** @type {Promise<void> | null} */
let polling = null;
/** @type {pg.Pool | null | undefined} */
let pool;

function database() {
  if (pool !== undefined) return pool;
  const url = process.env.DATABASE_URL;
  // No database (next build): a cache of this process alone.
  pool = url ? new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true }) : null;
  // An idle connection's error is PostgreSQL going away (a restart, a
  // failover): stop serving entries at once, not at the next read.
  pool?.on("error", () => {
    databaseLost = true;
    lastPolledAt = 0;
  });
  return pool;
}

/** Records that `tags` changed now, in this process (immediately) and for every server. */
async function invalidate(/** @type {string[]} */ tags, { shared = true } = {}) {
  const now = Date.now();
  for (const tag of tags) {
    const known = invalidations.get(tag);
    invalidations.set(tag, { at: Math.max(known?.at ?? 0, now), learnedAt: now, ownWriteAt: shared ? now : (known?.ownWriteAt ?? 0) });
  }
  if (tags.length > 0) lastChangeAt = Math.max(lastChangeAt, now);
  if (!shared) return;
  const db = database();
  if (!db || tags.length === 0) return;
  await db.query(
    `INSERT INTO cache_tag_invalidations (tag, invalidated_at)
     SELECT tag, clock_timestamp() FROM unnest($1::text[]) AS tag
     ON CONFLICT (tag) DO UPDATE SET invalidated_at = EXCLUDED.invalidated_at`,
    [tags],
  );
}

/** Reads the invalidations made since the last read, at most once per POLL_INTERVAL_MS. */
async function catchUp() {
  const db = database();
  if (!db || Date.now() - lastPolledAt < POLL_INTERVAL_MS) return;
  polling ??= (async () => {
    try {
      const since = new Date(Math.max(0, newestSeen - POLL_OVERLAP_MS));
      const { rows } = await db.query(
        `SELECT tag, (extract(epoch FROM invalidated_at) * 1000)::float8 AS at
         FROM cache_tag_invalidations WHERE invalidated_at > $1`,
        [since],
      );
      const now = Date.now();
      for (const { tag, at } of /** @type {{ tag: string, at: number }[]} */ (rows)) {
        newestSeen = Math.max(newestSeen, at);
        const known = invalidations.get(tag);
        // Only a newer invalidation counts as news (the overlap re-reads old ones).
        if (!known || at > known.at) {
          invalidations.set(tag, { at, learnedAt: now, ownWriteAt: known?.ownWriteAt ?? 0 });
          lastChangeAt = Math.max(lastChangeAt, at, now);
        }
      }
      databaseLost = false;
      lastConfirmedAt = now;
    } catch (error) {
      databaseLost = true;
      // PostgreSQL away, or the table missing before the first migration.
      console.error("cache handler: could not read cache_tag_invalidations:", error instanceof Error ? error.message : error);
    } finally {
      lastPolledAt = Date.now();
      polling = null;
    }
  })();
  await polling;
}

/** Keeps the invalidations current: waits for the table only when they were not confirmed lately. */
async function keepCurrent() {
  if (Date.now() - lastConfirmedAt > MAX_UNCONFIRMED_MS) await catchUp();
  else void catchUp();
}

/**
 * Whether anything may have changed since `time` (this process's clock): a
 * tag invalidated since, by either clock, or PostgreSQL out of reach, when
 * another server may have changed anything unseen.
 */
async function changedSince(/** @type {number} */ time) {
  await keepCurrent();
  return databaseLost || lastChangeAt >= time;
}

function isStale(/** @type {Entry} */ entry, /** @type {string[]} */ tags) {
  for (const tag of tags) {
    const known = invalidations.get(tag);
    // Learned after the entry was stored, or invalidated (by the database's
    // clock) after it: either way the entry may predate the change.
    if (known && (known.learnedAt >= entry.lastModified || known.at >= entry.lastModified)) return true;
  }
  return false;
}

function remove(/** @type {string} */ key) {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  totalBytes -= entry.bytes;
}

export default class SharedTagCacheHandler {
  constructor(/** @type {unknown} */ _options) {}

  async get(/** @type {string} */ key, /** @type {{ tags?: string[], softTags?: string[] }} */ context = {}) {
    const entry = entries.get(key);
    if (!entry) {
      // A miss needs no invalidations, but keeps them current for the hits that follow.
      void catchUp();
      return null;
    }
    await keepCurrent();
    if (databaseLost) return null;
    if (isStale(entry, [...entry.tags, ...(context.tags ?? []), ...(context.softTags ?? [])])) {
      remove(key);
      return null;
    }
    // Most recently used goes last.
    entries.delete(key);
    entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(/** @type {string} */ key, /** @type {unknown} */ value, /** @type {{ tags?: string[] }} */ context = {}) {
    remove(key);
    if (value === null || value === undefined) return;
    const bytes = JSON.stringify(value).length * 2;
    if (bytes > MAX_BYTES / 4) return;
    entries.set(key, { value, lastModified: Date.now(), tags: context.tags ?? [], bytes });
    totalBytes += bytes;
    for (const oldest of entries.keys()) {
      if (totalBytes <= MAX_BYTES) break;
      remove(oldest);
    }
  }

  async revalidateTag(/** @type {string | string[]} */ tags) {
    const list = typeof tags === "string" ? [tags] : tags;
    const now = Date.now();
    const fresh = list.filter((tag) => now - (invalidations.get(tag)?.ownWriteAt ?? 0) > OWN_WRITE_WINDOW_MS);
    await invalidate(fresh);
  }

  resetRequestCache() {}
}

// The app's code and the web server reach this process's copy through globalThis.
const HOOK = Symbol.for("folio.cache.tag-invalidations");
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[HOOK] = { invalidate, changedSince };
