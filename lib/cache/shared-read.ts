// A database read whose result is the same for every reader, cached across
// requests under tags until a change invalidates one of them
// (refresh-article-pages.ts). Pages stay rendered per request (their CSP
// nonce is per request); what is cached is the data and rendering work under
// them. Only reader-independent results may go through here: never gated
// text, never anything read from the session.
//
// Built on Next.js's unstable_cache, not "use cache": "use cache" needs the
// cacheComponents mode, which refuses the `dynamic = "force-dynamic"` that
// every page here declares. The entries live in the cache handler
// (lib/cache/shared-tag-cache-handler.mjs): in process memory, with tag
// invalidations shared between servers through PostgreSQL.
// next/cache is loaded on first use: the job runner imports these reads into
// scripts/serve.ts before Next.js has set up the request storage that
// next/cache needs when it loads. The promise is kept: every import() call
// would go through the module loader's hooks again (tsx's run on a thread).
let nextCacheModule: Promise<typeof import("next/cache")> | undefined;
const nextCache = () => (nextCacheModule ??= import("next/cache"));

/** A safety net: an entry is read again after an hour even if no invalidation reached it. */
const MAX_AGE_SECONDS = 3600;

export type SharedReadOptions<Args extends unknown[], T> = {
  /** Names the read in the cache key; unique per read. */
  name: string;
  tags: (...args: Args) => string[];
  /** Cached values come back through JSON: turn date strings back into Dates here. */
  revive?: (value: T) => T;
};

export function sharedRead<Args extends unknown[], T>(
  read: (...args: Args) => Promise<T>,
  options: SharedReadOptions<Args, T>,
): (...args: Args) => Promise<T> {
  const revive = options.revive ?? ((value: T) => value);
  return async (...args: Args) => {
    // The tags depend on the arguments, and unstable_cache takes them when it
    // is made: one wrapper per call (cheap; the key is the name and the arguments).
    const { unstable_cache } = await nextCache();
    const cached = unstable_cache(read, [options.name], { tags: options.tags(...args), revalidate: MAX_AGE_SECONDS });
    try {
      return revive(await cached(...args));
    } catch (error) {
      // Outside Next.js (scripts, the integration tests) there is no cache: read directly.
      if (error instanceof Error && error.message.startsWith("Invariant: incrementalCache missing"))
        return read(...args);
      throw error;
    }
  };
}

/** For `revive`: a Date that came back from the cache as its ISO string. */
export function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
