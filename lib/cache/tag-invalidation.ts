// Invalidates cache tags on every app server: written to the shared
// cache_tag_invalidations table (which each server reads at most once a
// second) and applied in this process at once. Works in a request and outside
// one (a scheduled job, a script), unlike Next.js's revalidateTag alone.
import { db } from "@/lib/db/prisma";
import { localTagCache } from "./local-tag-cache";

// Loaded on first use and kept: see lib/cache/shared-read.ts.
let nextCacheModule: Promise<typeof import("next/cache")> | undefined;
const nextCache = () => (nextCacheModule ??= import("next/cache"));

export async function invalidateTags(tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  const local = localTagCache();
  if (local) {
    await local.invalidate(tags);
  } else {
    // No handler in this process (a script, the integration tests, or a job
    // before the first request): the table alone tells the servers.
    await db().$executeRaw`
      INSERT INTO cache_tag_invalidations (tag, invalidated_at)
      SELECT tag, clock_timestamp() FROM unnest(${tags}::text[]) AS tag
      ON CONFLICT (tag) DO UPDATE SET invalidated_at = EXCLUDED.invalidated_at`;
  }
  // And Next.js's own bookkeeping for the request, where there is one (the
  // handler skips writing these again). Outside a request revalidateTag
  // throws, and outside Next.js next/cache may not even load: nothing to do.
  try {
    const { revalidateTag } = await nextCache();
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  } catch {
    // Not in a request.
  }
}
