// Invalidates cache tags on every app server: this process's clock learns at
// once, and one statement records the change in cache_tag_invalidations and
// notifies every server's listener (invalidation-listener.ts). The row is
// what a server that was away reads to catch up; the notification is how the
// others hear within milliseconds. Works in a request, in a job and in a
// script alike.
import { db } from "@/lib/db/prisma";
import { noteTagChanges } from "./tag-clock";

/** The channel every server listens on; each notification's payload is one tag. */
export const INVALIDATION_CHANNEL = "folio_cache_invalidations";

export async function invalidateTags(tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  // Before the write as well as after it: a read that begins between the
  // commit and this process hearing its own notification is then not stored
  // as fresh.
  noteTagChanges(tags);
  // pg_notify is delivered when the statement's transaction commits, so a
  // listener never hears of a change it cannot yet read.
  await db().$executeRaw`
    WITH changed AS (
      INSERT INTO cache_tag_invalidations (tag, invalidated_at)
      SELECT DISTINCT tag, clock_timestamp() FROM unnest(${tags}::text[]) AS tag
      ON CONFLICT (tag) DO UPDATE SET invalidated_at = EXCLUDED.invalidated_at
      RETURNING tag
    )
    SELECT count(pg_notify(${INVALIDATION_CHANNEL}, tag)) FROM changed`;
  noteTagChanges(tags);
}
