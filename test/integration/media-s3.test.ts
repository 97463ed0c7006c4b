// The media library on S3-compatible storage: the same upload, read and
// delete as on disk, through the real AWS SDK against a local s3rver.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteMedia, uploadMedia } from "@/lib/media/media-library";
import { mediaStore } from "@/lib/media/media-store";
import { S3MediaStore } from "@/lib/media/s3-media-store";
import { startLocalS3, type LocalS3 } from "../fixtures/s3-server";

let s3: LocalS3;

beforeAll(async () => {
  s3 = await startLocalS3();
  // Read by env() on first use, in this test file's own module graph.
  Object.assign(process.env, {
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
});

afterAll(async () => {
  await s3?.stop();
});

describe("the S3 media store", () => {
  it("is the store when S3_BUCKET is set, and keeps every stored size of an upload", async () => {
    expect(mediaStore()).toBeInstanceOf(S3MediaStore);
    const bytes = await sharp({ create: { width: 700, height: 350, channels: 3, background: "#abcdef" } })
      .jpeg()
      .withExifMerge({ IFD3: { GPSMapDatum: "WGS-84-FOLIO" } })
      .toBuffer();
    const uploaded = await uploadMedia({ fileName: "s3.jpg", bytes, uploadedBy: null });
    if (!uploaded.ok) throw new Error(uploaded.message);
    const { key } = uploaded.media;
    for (const name of ["320.webp", "640.webp", "700.webp", "email.jpg"]) {
      const stored = await mediaStore().get(`${key}/${name}`);
      expect(stored, name).not.toBeNull();
      expect(stored!.body.includes(Buffer.from("WGS-84-FOLIO")), name).toBe(false);
      expect((await sharp(stored!.body).metadata()).width).toBe(name === "email.jpg" ? 600 : Number.parseInt(name));
    }
    expect(await mediaStore().get(`${key}/960.webp`)).toBeNull();

    expect(await deleteMedia(uploaded.media.id)).toBe("deleted");
    expect(await mediaStore().get(`${key}/320.webp`)).toBeNull();
  });
});
