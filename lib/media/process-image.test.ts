// Uploads judged by their bytes, with real images made by sharp.
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processImage } from "./process-image";

const limits = { maxBytes: 5 * 1_048_576, maxPixels: 4_000_000 };

/** A 1 × 1 PNG whose header claims `width` × `height`, its checksum recomputed. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await picture(1, 1).png().toBuffer());
  // Signature (8 bytes), then the IHDR chunk: length, "IHDR", width, height, …, CRC.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#336699" } });

describe("processImage", () => {
  it("keeps WebP at each width and a JPEG for email, upright and without metadata", async () => {
    // 600 × 300 stored sideways (orientation 6): upright it is 300 × 600.
    const upload = await picture(600, 300)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD3: { GPSMapDatum: "WGS-84-FOLIO", GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
      })
      .toBuffer();
    const location = Buffer.from("WGS-84-FOLIO");
    expect(upload.includes(location)).toBe(true);
    expect((await sharp(upload).metadata()).exif).toBeDefined();

    const result = await processImage(upload, limits);
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.image).toMatchObject({ format: "jpeg", width: 300, height: 600 });
    expect(result.image.files.map((file) => file.name)).toEqual(["300.webp", "email.jpg"]);
    for (const file of result.image.files) {
      const stored = await sharp(file.body).metadata();
      expect(stored.exif, file.name).toBeUndefined();
      expect(stored.xmp, file.name).toBeUndefined();
      expect(stored.iptc, file.name).toBeUndefined();
      expect(file.body.includes(location), file.name).toBe(false);
      expect([stored.width, stored.height]).toEqual([300, 600]);
    }
  });

  it.each([
    ["png", () => picture(2000, 1000).png().toBuffer(), [320, 640, 960, 1280, 1920]],
    ["webp", () => picture(500, 500).webp().toBuffer(), [320, 500]],
    ["gif", () => picture(64, 64).gif().toBuffer(), [64]],
    ["avif", () => picture(400, 200).avif().toBuffer(), [320, 400]],
  ] as const)("accepts %s", async (format, make, widths) => {
    const result = await processImage(await make(), limits);
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.image.format).toBe(format);
    expect(result.image.files.map((file) => file.name)).toEqual([...widths.map((w) => `${w}.webp`), "email.jpg"]);
  });

  it("refuses what is not an accepted image, whatever it is called", async () => {
    const php = Buffer.from("<?php system($_GET['c']); ?>");
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    const truncated = (await picture(200, 200).png().toBuffer()).subarray(0, 120);
    for (const bytes of [php, svg, truncated]) {
      expect(await processImage(bytes, limits)).toMatchObject({ ok: false, refusal: { reason: "not-an-image" } });
    }
    expect(await processImage(Buffer.alloc(0), limits)).toMatchObject({ ok: false, refusal: { reason: "empty" } });
    expect(await processImage(Buffer.alloc(limits.maxBytes + 1), limits)).toMatchObject({
      ok: false,
      refusal: { reason: "too-large", message: "The file is larger than 5 MB." },
    });
  });

  it("refuses an image of too many pixels without decoding it", async () => {
    // A PNG whose header says 20,000 × 20,000 (a decompression bomb would
    // decode to 1.6 GB): a small real PNG with its IHDR size rewritten.
    const huge = await pngClaiming(20_000, 20_000);
    expect(huge.length).toBeLessThan(limits.maxBytes);
    expect(await processImage(huge, limits)).toMatchObject({ ok: false, refusal: { reason: "too-many-pixels" } });
  });
});
