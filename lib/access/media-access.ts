// Who may fetch an image of the media library. An image a published article
// shows to everyone (its lead image, one in its preview, any in a free
// article) is public. One that only gated parts show goes to readers whose
// access decision for one of those articles is "full" (the one pure
// decideAccess), never to anyone else, and never into a shared cache. The
// newsroom sees every image, for its previews.
import type { Reader } from "@/lib/auth/get-reader";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/prisma";
import { accessForArticles, type BrowserContext } from "./article-access";

export type MediaFileAccess = "public" | "private" | "none";

/**
 * Whether `reader` may fetch the image `key`, and how it may be kept; `browser`
 * is what the browser holds (its instant-access grant, a gift it opened).
 */
export async function mediaFileAccess(
  key: string,
  reader: Reader | null,
  browser: BrowserContext,
  now = new Date(),
): Promise<MediaFileAccess> {
  const media = await db().media.findUnique({ where: { key }, select: { id: true } });
  if (!media) return "none";
  const uses = await db().$queryRaw<{ id: string; free: boolean; open: boolean }[]>`
    SELECT id, free, (free OR lead_image_id = ${media.id}::uuid OR preview_media @> ARRAY[${key}]) AS open
    FROM articles
    WHERE status = 'published' AND published_at <= ${now}
      AND (lead_image_id = ${media.id}::uuid OR preview_media @> ARRAY[${key}] OR gated_media @> ARRAY[${key}])`;
  if (uses.some((use) => use.open)) return "public";
  if (uses.length > 0) {
    const decisions = await accessForArticles(reader, uses, now, browser);
    if ([...decisions.values()].some((decision) => decision.level === "full")) return "private";
  }
  return reader && hasRole(reader.role, "editor") ? "private" : "none";
}
