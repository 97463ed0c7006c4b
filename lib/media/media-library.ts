// The newsroom's media library: uploading (checked and resized by
// process-image.ts, stored by media-store.ts, recorded in the media table),
// listing and searching, and deleting an image no article uses.
import { randomBytes } from "node:crypto";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { processImage, refusal, type ImageLimits } from "./process-image";
import { mediaStore } from "./media-store";

export type MediaItem = {
  id: string;
  key: string;
  fileName: string;
  altText: string;
  format: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: Date;
};

export type UploadResult = { ok: true; media: MediaItem } | { ok: false; message: string };

const select = {
  id: true,
  key: true,
  fileName: true,
  altText: true,
  format: true,
  width: true,
  height: true,
  bytes: true,
  createdAt: true,
} as const;

export const FILE_NAME_MAX = 200;
export const ALT_TEXT_MAX = 500;

export function imageLimits(): ImageLimits {
  return { maxBytes: env().MEDIA_MAX_MB * 1_048_576, maxPixels: env().MEDIA_MAX_MEGAPIXELS * 1_000_000 };
}

/**
 * A file name as shown in the library, from whatever the client sent: the
 * last path segment, without control characters (NUL, CR, LF), at most
 * FILE_NAME_MAX characters. It names nothing on disk: stored files are named
 * by the random key.
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[/\\]/).at(-1) ?? "";
  const clean = last
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, FILE_NAME_MAX);
  return clean === "" || clean === "." || clean === ".." ? "image" : clean;
}

/** Refused before reading the body when the client says it is too large. */
export function refuseBySize(bytes: number): string | null {
  return bytes > imageLimits().maxBytes ? refusal("too-large", imageLimits()).message : null;
}

export async function uploadMedia(input: {
  fileName: string;
  bytes: Buffer;
  altText?: string;
  uploadedBy: string | null;
}): Promise<UploadResult> {
  const processed = await processImage(input.bytes, imageLimits());
  if (!processed.ok) return { ok: false, message: processed.refusal.message };
  const { image } = processed;
  const key = randomBytes(16).toString("base64url");
  const store = mediaStore();
  // Files first: a row is only ever written for an image whose files exist.
  try {
    for (const file of image.files) await store.put(`${key}/${file.name}`, file.body, file.contentType);
  } catch (error) {
    await store.removeAll(key).catch(() => {});
    throw error;
  }
  const media = await db().media.create({
    data: {
      key,
      fileName: cleanFileName(input.fileName),
      altText: (input.altText ?? "")
        .replace(/[\u0000-\u001f\u007f]/g, " ")
        .trim()
        .slice(0, ALT_TEXT_MAX),
      format: image.format,
      width: image.width,
      height: image.height,
      bytes: input.bytes.length,
      storedBytes: image.files.reduce((sum, file) => sum + file.body.length, 0),
      uploadedBy: input.uploadedBy,
    },
    select,
  });
  return { ok: true, media };
}

export const MEDIA_PAGE_SIZE = 48;

/** The newest first; `query` searches file names and alt text. */
export async function listMedia(query = "", page = 1): Promise<{ items: MediaItem[]; total: number }> {
  const words = query.trim().slice(0, 200);
  const where = words
    ? {
        OR: [
          { fileName: { contains: words, mode: "insensitive" as const } },
          { altText: { contains: words, mode: "insensitive" as const } },
        ],
      }
    : {};
  const [items, total] = await Promise.all([
    db().media.findMany({
      where,
      select,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MEDIA_PAGE_SIZE,
      take: MEDIA_PAGE_SIZE,
    }),
    db().media.count({ where }),
  ]);
  return { items, total };
}

export async function findMedia(id: string): Promise<MediaItem | null> {
  return db().media.findUnique({ where: { id }, select });
}

/** How many articles (any status) use the image: as the lead, or in the body. */
export async function mediaUseCount(media: { id: string; key: string }): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM articles
    WHERE lead_image_id = ${media.id}::uuid OR preview_media @> ARRAY[${media.key}] OR gated_media @> ARRAY[${media.key}]`;
  return row?.count ?? 0;
}

export type DeleteResult = "deleted" | "in-use" | "not-found";

/** Deletes an image no article uses: its row, then its files. */
export async function deleteMedia(id: string): Promise<DeleteResult> {
  const media = await db().media.findUnique({ where: { id }, select: { id: true, key: true } });
  if (!media) return "not-found";
  if ((await mediaUseCount(media)) > 0) return "in-use";
  try {
    await db().media.delete({ where: { id } });
  } catch {
    // Made a lead image meanwhile (the foreign key refuses).
    return "in-use";
  }
  await mediaStore().removeAll(media.key);
  return "deleted";
}

export async function updateAltText(id: string, altText: string): Promise<boolean> {
  const { count } = await db().media.updateMany({
    where: { id },
    data: {
      altText: altText
        .replace(/[\u0000-\u001f\u007f]/g, " ")
        .trim()
        .slice(0, ALT_TEXT_MAX),
    },
  });
  return count === 1;
}
