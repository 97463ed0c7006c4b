// This process's copy of the shared tag cache handler
// (lib/cache/shared-tag-cache-handler.mjs), which puts itself on globalThis
// once Next.js has loaded it: the app's code tells it of invalidations, and
// the web server's page cache (scripts/lib/page-cache.ts) asks it what changed.
export type LocalTagCache = {
  invalidate(tags: string[]): Promise<void>;
  /** Whether a tag may have changed since `time` (this process's clock), or PostgreSQL is out of reach. */
  changedSince(time: number): Promise<boolean>;
};

const HOOK = Symbol.for("folio.cache.tag-invalidations");

/** The handler of this process, or undefined before Next.js has loaded it (or outside Next.js: scripts, tests). */
export function localTagCache(): LocalTagCache | undefined {
  return (globalThis as Record<symbol, LocalTagCache | undefined>)[HOOK];
}
