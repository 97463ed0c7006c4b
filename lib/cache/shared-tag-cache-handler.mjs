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
/**
 * @typedef {object} State
 * @property {Map<string, Entry>} entries key -> entry, least recently used first
 * @property {number} totalBytes
 * @property {Map<string, { at: number, learnedAt: number, ownWriteAt: number }>} invalidations tag -> when it was invalidated (database clock) and when this process learned it
 * @property {number} lastPolledAt
 * @property {number} lastConfirmedAt
 * @property {boolean} databaseLost set when the database dropped our connection or a read of the table failed; cleared by the next read that succeeds
 * @property {number} newestSeen
 * @property {number} lastChangeAt the latest moment any tag changed, by either clock (see isStale): what the whole-page cache in front of Next.js (scripts/lib/page-cache.ts) compares its pages with, since it does not know which tags a page read
 * @property {Promise<void> | null} polling
 * @property {pg.Pool | null | undefined} pool
 */
// Next.js loads this file more than once in a process (a copy for pages and
// one for route handlers), and every copy must see the same entries and the
// same invalidations: a page rendered from one copy's stale view and judged
// fresh by the other's would be served until it expired. So the state is
// kept once per process, on globalThis.
const STATE = Symbol.for("folio.cache.shared-tag-state");
/** @type {Record<symbol, State | undefined>} */
const processGlobals = /** @type {any} */ (globalThis);
const state = (processGlobals[STATE] ??= {
  entries: new Map(),
  totalBytes: 0,
  invalidations: new Map(),
  lastPolledAt: 0,
  lastConfirmedAt: 0,
  databaseLost: false,
  newestSeen: 0,
  lastChangeAt: 0,
  polling: null,
  pool: undefined,
});

function database() {
  if (state.pool !== undefined) return state.pool;
  const url = process.env.DATABASE_URL;
  // No database (next build): a cache of this process alone.
  state.pool = url
    ? new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true })
    : null;
  // An idle connection's error is PostgreSQL going away (a restart, a
  // failover): stop serving entries at once, not at the next read.
  state.pool?.on("error", () => {
    state.databaseLost = true;
    state.lastPolledAt = 0;
  });
  return state.pool;
}

/** Records that `tags` changed now, in this process (immediately) and for every server. */
async function invalidate(/** @type {string[]} */ tags, { shared = true } = {}) {
  const now = Date.now();
  for (const tag of tags) {
    const known = state.invalidations.get(tag);
    state.invalidations.set(tag, {
      at: Math.max(known?.at ?? 0, now),
      learnedAt: now,
      ownWriteAt: shared ? now : (known?.ownWriteAt ?? 0),
    });
  }
  if (tags.length > 0) state.lastChangeAt = Math.max(state.lastChangeAt, now);
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
  if (!db || Date.now() - state.lastPolledAt < POLL_INTERVAL_MS) return;
  state.polling ??= (async () => {
    try {
      const since = new Date(Math.max(0, state.newestSeen - POLL_OVERLAP_MS));
      const { rows } = await db.query(
        `SELECT tag, (extract(epoch FROM invalidated_at) * 1000)::float8 AS at
         FROM cache_tag_invalidations WHERE invalidated_at > $1`,
        [since],
      );
      const now = Date.now();
      for (const { tag, at } of /** @type {{ tag: string, at: number }[]} */ (rows)) {
        state.newestSeen = Math.max(state.newestSeen, at);
        const known = state.invalidations.get(tag);
        // Only a newer invalidation counts as news (the overlap re-reads old ones).
        if (!known || at > known.at) {
          state.invalidations.set(tag, { at, learnedAt: now, ownWriteAt: known?.ownWriteAt ?? 0 });
          state.lastChangeAt = Math.max(state.lastChangeAt, at, now);
        }
      }
      state.databaseLost = false;
      state.lastConfirmedAt = now;
    } catch (error) {
      state.databaseLost = true;
      // PostgreSQL away, or the table missing before the first migration.
      console.error(
        "cache handler: could not read cache_tag_invalidations:",
        error instanceof Error ? error.message : error,
      );
    } finally {
      state.lastPolledAt = Date.now();
      state.polling = null;
    }
  })();
  await state.polling;
}

/** Keeps the invalidations current: waits for the table only when they were not confirmed lately. */
async function keepCurrent() {
  if (Date.now() - state.lastConfirmedAt > MAX_UNCONFIRMED_MS) await catchUp();
  else void catchUp();
}

/**
 * Whether anything may have changed since `time` (this process's clock): a
 * tag invalidated since, by either clock, or PostgreSQL out of reach, when
 * another server may have changed anything unseen.
 */
async function changedSince(/** @type {number} */ time) {
  await keepCurrent();
  return state.databaseLost || state.lastChangeAt >= time;
}

function isStale(/** @type {Entry} */ entry, /** @type {string[]} */ tags) {
  for (const tag of tags) {
    const known = state.invalidations.get(tag);
    // Learned after the entry was stored, or invalidated (by the database's
    // clock) after it: either way the entry may predate the change.
    if (known && (known.learnedAt >= entry.lastModified || known.at >= entry.lastModified)) return true;
  }
  return false;
}

function remove(/** @type {string} */ key) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.totalBytes -= entry.bytes;
}

export default class SharedTagCacheHandler {
  constructor() {}

  async get(/** @type {string} */ key, /** @type {{ tags?: string[], softTags?: string[] }} */ context = {}) {
    const entry = state.entries.get(key);
    if (!entry) {
      // A miss needs no invalidations, but keeps them current for the hits that follow.
      void catchUp();
      return null;
    }
    await keepCurrent();
    if (state.databaseLost) return null;
    if (isStale(entry, [...entry.tags, ...(context.tags ?? []), ...(context.softTags ?? [])])) {
      remove(key);
      return null;
    }
    // Most recently used goes last.
    state.entries.delete(key);
    state.entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(/** @type {string} */ key, /** @type {unknown} */ value, /** @type {{ tags?: string[] }} */ context = {}) {
    remove(key);
    if (value === null || value === undefined) return;
    const bytes = JSON.stringify(value).length * 2;
    if (bytes > MAX_BYTES / 4) return;
    state.entries.set(key, { value, lastModified: Date.now(), tags: context.tags ?? [], bytes });
    state.totalBytes += bytes;
    for (const oldest of state.entries.keys()) {
      if (state.totalBytes <= MAX_BYTES) break;
      remove(oldest);
    }
  }

  async revalidateTag(/** @type {string | string[]} */ tags) {
    const list = typeof tags === "string" ? [tags] : tags;
    const now = Date.now();
    const fresh = list.filter((tag) => now - (state.invalidations.get(tag)?.ownWriteAt ?? 0) > OWN_WRITE_WINDOW_MS);
    await invalidate(fresh);
  }

  resetRequestCache() {}
}

// The app's code and the web server reach this process's copy through globalThis.
const HOOK = Symbol.for("folio.cache.tag-invalidations");
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[HOOK] = { invalidate, changedSince };
