// Loading the images an imported post points to into the media library, when
// the import is given them (image-source.ts), and pointing the post's
// Markdown at the library's copies. Each image is loaded once per source:
// imported_items remembers which media an address became, so a second
// import, or a second post with the same image, uses it again. An image not
// found stays a link to where it was.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { markdownSrc } from "@/lib/media/media-files";
import { uploadMedia } from "@/lib/media/media-library";
import type { ImportReport } from "./import-report";
import type { ImportedPost, ImportFormat } from "./import-source";
import type { ImageSource } from "./image-source";
import { markdownUrl } from "./sources/html-to-markdown";

export type ImageLoader = (post: ImportedPost) => Promise<void>;

export function createImageLoader(
  images: ImageSource,
  context: { source: ImportFormat; actor: Actor; report: ImportReport },
): ImageLoader {
  const { source, actor, report } = context;
  // The library's src for each address met in this run ("" when not found).
  const known = new Map<string, string>();

  async function librarySrc(url: string, post: ImportedPost): Promise<string> {
    const remembered = known.get(url);
    if (remembered !== undefined) return remembered;
    let src = "";
    const item = await db().importedItem.findUnique({
      where: { source_kind_externalKey: { source, kind: "image", externalKey: url } },
      select: { targetId: true },
    });
    const media = item
      ? await db().media.findUnique({ where: { id: item.targetId }, select: { key: true, width: true, height: true } })
      : null;
    if (media) {
      src = markdownSrc(media);
      report.images.reused += 1;
    } else {
      const found = await images.find(url);
      if (!found) report.images.missing += 1;
      else if ("refused" in found) {
        report.problems.push({ where: post.where, reason: `its image ${found.name} was not loaded: ${found.refused}` });
      } else if (report.dryRun) {
        report.images.loaded += 1;
      } else {
        const uploaded = await uploadMedia({ fileName: found.name, bytes: found.bytes, uploadedBy: actor.id });
        if (!uploaded.ok) {
          report.problems.push({
            where: post.where,
            reason: `its image ${found.name} was not loaded: ${uploaded.message}`,
          });
        } else {
          report.images.loaded += 1;
          src = markdownSrc(uploaded.media);
          await db().importedItem.upsert({
            where: { source_kind_externalKey: { source, kind: "image", externalKey: url } },
            create: { source, kind: "image", externalKey: url, targetId: uploaded.media.id, contentHash: "" },
            update: { targetId: uploaded.media.id },
          });
        }
      }
    }
    known.set(url, src);
    return src;
  }

  return async (post) => {
    for (const url of post.imageUrls) {
      const src = await librarySrc(url, post);
      if (src !== "") post.markdown = post.markdown.replaceAll(`](${markdownUrl(url)}`, `](${src}`);
    }
  };
}
