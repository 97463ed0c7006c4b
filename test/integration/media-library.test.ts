// The media library on disk (the default store) against real PostgreSQL:
// uploads, search, who may fetch an image, and deleting only unused ones.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { mediaFileAccess } from "@/lib/access/media-access";
import { markdownSrc } from "@/lib/media/media-files";
import { cleanFileName, deleteMedia, listMedia, uploadMedia } from "@/lib/media/media-library";
import { mediaStore } from "@/lib/media/media-store";
import { db } from "@/lib/db/prisma";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";

async function upload(name: string, altText = "") {
  const bytes = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#808080" } })
    .png()
    .toBuffer();
  const result = await uploadMedia({ fileName: name, bytes, altText, uploadedBy: null });
  if (!result.ok) throw new Error(result.message);
  return result.media;
}

const asReader = (user: { id: string; email: string }, compUntil: Date | null = null) => ({
  id: user.id,
  email: user.email,
  role: "reader" as const,
  compUntil,
});

describe("the media library", () => {
  it("stores the sizes on disk and finds images by file name or alt text", async () => {
    const suffix = uniqueSuffix();
    const image = await upload(`quay-${suffix}.png`, `A quay at night ${suffix}`);
    expect(image).toMatchObject({ format: "png", width: 400, height: 300 });
    expect(await mediaStore().get(`${image.key}/320.webp`)).not.toBeNull();
    expect((await listMedia(`QUAY-${suffix}`)).items.map((item) => item.id)).toEqual([image.id]);
    expect((await listMedia(`night ${suffix}`)).items.map((item) => item.id)).toEqual([image.id]);
    expect((await listMedia(`nothing-${suffix}`)).total).toBe(0);
  });

  it("keeps file names short and harmless", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\r\nc.jpg")).toBe("abc.jpg");
    expect(cleanFileName("..")).toBe("image");
    expect(cleanFileName("x".repeat(1000))).toHaveLength(200);
  });

  it("serves a lead or preview image to everyone, a gated one to its readers only", async () => {
    const [lead, inPreview, gated, unused] = await Promise.all(
      ["lead", "preview", "gated", "unused"].map((name) => upload(`${name}-${uniqueSuffix()}.png`)),
    );
    const body = `![p](${markdownSrc(inPreview!)})\n\n<!-- paywall -->\n\n![g](${markdownSrc(gated!)})`;
    const article = await createArticle({ body });
    await db().article.update({ where: { id: article.id }, data: { leadImageId: lead!.id, leadImageAlt: "x" } });
    const anonymous = null;
    expect(await mediaFileAccess(lead!.key, anonymous, {})).toBe("public");
    expect(await mediaFileAccess(inPreview!.key, anonymous, {})).toBe("public");
    expect(await mediaFileAccess(gated!.key, anonymous, {})).toBe("none");
    expect(await mediaFileAccess(unused!.key, anonymous, {})).toBe("none");
    expect(await mediaFileAccess("AAAAAAAAAAAAAAAAAAAAAA", anonymous, {})).toBe("none");

    const reader = await createReader();
    expect(await mediaFileAccess(gated!.key, asReader(reader), {})).toBe("none");
    const comped = asReader(reader, new Date(Date.now() + 86_400_000));
    expect(await mediaFileAccess(gated!.key, comped, {})).toBe("private");
    // A browser with an instant-access grant for this article.
    const grant = { articleId: article.id, email: "x@example.org", expiresAt: new Date(Date.now() + 60_000) };
    expect(await mediaFileAccess(gated!.key, anonymous, { grant })).toBe("private");
    expect(await mediaFileAccess(gated!.key, anonymous, { grant: { ...grant, articleId: lead!.id } })).toBe("none");
    // A free article's images are public, gated part or not.
    await createArticle({ body: `One.\n\n<!-- paywall -->\n\n![u](${markdownSrc(unused!)})`, free: true });
    expect(await mediaFileAccess(unused!.key, anonymous, {})).toBe("public");

    // Only unused images can be deleted.
    expect(await deleteMedia(lead!.id)).toBe("in-use");
    expect(await deleteMedia(gated!.id)).toBe("in-use");
    const spare = await upload(`spare-${uniqueSuffix()}.png`);
    expect(await deleteMedia(spare.id)).toBe("deleted");
    expect(await mediaStore().get(`${spare.key}/320.webp`)).toBeNull();
    expect(await deleteMedia(spare.id)).toBe("not-found");
  });
});
