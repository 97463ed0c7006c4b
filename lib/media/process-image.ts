// An upload, judged by its bytes (never by its name or the content type the
// client claims) and turned into the stored files: WebP at each stored width
// and a JPEG for email, turned upright by the EXIF orientation and with every
// piece of metadata (EXIF, GPS location, XMP, IPTC, ICC) left behind: sharp
// writes none unless asked to.
import sharp, { type Metadata } from "sharp";
import { EMAIL_FILE_NAME, EMAIL_WIDTH, heightAt, imageFileName, storedWidths } from "./media-files";

/** The formats accepted, by sharp's name; AVIF is HEIF with AV1 inside. SVG is refused: it can carry script. */
const ACCEPTED: Record<string, string> = { jpeg: "jpeg", png: "png", webp: "webp", gif: "gif" };

export type ImageLimits = { maxBytes: number; maxPixels: number };

export type StoredFile = { name: string; body: Buffer; contentType: string };

export type ProcessedImage = { format: string; width: number; height: number; files: StoredFile[] };

export type ImageRefusal = { reason: "empty" | "too-large" | "not-an-image" | "too-many-pixels"; message: string };

export type ProcessResult = { ok: true; image: ProcessedImage } | { ok: false; refusal: ImageRefusal };

const ACCEPTED_NAMES = "JPEG, PNG, WebP, AVIF or GIF";

export function refusal(reason: ImageRefusal["reason"], limits: ImageLimits): ImageRefusal {
  switch (reason) {
    case "empty":
      return { reason, message: "The file is empty." };
    case "too-large":
      return { reason, message: `The file is larger than ${Math.round(limits.maxBytes / 1_048_576)} MB.` };
    case "too-many-pixels":
      return {
        reason,
        message: `The image has more than ${Math.round(limits.maxPixels / 1_000_000)} million pixels.`,
      };
    case "not-an-image":
      return { reason, message: `The file is not an image we accept (${ACCEPTED_NAMES}).` };
  }
}

function formatOf(metadata: Metadata): string | null {
  if (metadata.format === "heif") return metadata.compression === "av1" ? "avif" : null;
  return (metadata.format && ACCEPTED[metadata.format]) ?? null;
}

export async function processImage(bytes: Buffer, limits: ImageLimits): Promise<ProcessResult> {
  const refuse = (reason: ImageRefusal["reason"]) => ({ ok: false, refusal: refusal(reason, limits) }) as const;
  if (bytes.length === 0) return refuse("empty");
  if (bytes.length > limits.maxBytes) return refuse("too-large");
  const input = () => sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: "error", animated: false });
  let metadata: Metadata;
  try {
    // The header only (no pixel is decoded), so a 20,000 × 20,000 image is
    // refused by its size below rather than as unreadable.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refuse("not-an-image");
  }
  const format = formatOf(metadata);
  if (!format || !metadata.width || !metadata.height) return refuse("not-an-image");
  if (metadata.width * metadata.height > limits.maxPixels) return refuse("too-many-pixels");
  // Upright: orientations 5 to 8 turn the image a quarter.
  const { width, height } = metadata.autoOrient ?? metadata;
  try {
    const files: StoredFile[] = [];
    for (const storedWidth of storedWidths(width)) {
      const body = await input()
        .rotate()
        .resize({ width: storedWidth, height: heightAt({ width, height }, storedWidth), fit: "fill" })
        .webp({ quality: 80 })
        .toBuffer();
      files.push({ name: imageFileName(storedWidth), body, contentType: "image/webp" });
    }
    const emailWidth = Math.min(width, EMAIL_WIDTH);
    const email = await input()
      .rotate()
      .resize({ width: emailWidth, height: heightAt({ width, height }, emailWidth), fit: "fill" })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    files.push({ name: EMAIL_FILE_NAME, body: email, contentType: "image/jpeg" });
    return { ok: true, image: { format, width, height, files } };
  } catch {
    // A header that reads and pixels that do not: a truncated or crafted file.
    return refuse("not-an-image");
  }
}
