// Lead images for generated articles: a few pictures drawn on this machine
// (lead-image-pictures.ts), put through the media library's own processing
// and store (lib/media), and shared round-robin by every article that has no
// lead image yet. Re-running adds nothing once every article has one.
import sharp from "sharp";
import type { Client, PoolClient } from "pg";
import { randomBytes } from "node:crypto";
import { imageLimits } from "../../lib/media/media-library";
import { mediaStore } from "../../lib/media/media-store";
import { processImage } from "../../lib/media/process-image";
import { drawPictures } from "./lead-image-pictures";

const PICTURES = 9;

export async function seedLeadImages(client: Client | PoolClient, seed: number): Promise<number> {
  const missing = await client.query("SELECT 1 FROM articles WHERE lead_image_id IS NULL LIMIT 1");
  if (missing.rowCount === 0) return 0;
  const pictures = drawPictures(PICTURES, seed);
  const ids: string[] = [];
  for (const [index, picture] of pictures.entries()) {
    const png = await sharp(Buffer.from(picture.svg)).png().toBuffer();
    const processed = await processImage(png, imageLimits());
    if (!processed.ok) throw new Error(`seed picture ${index}: ${processed.refusal.message}`);
    const { image } = processed;
    const key = randomBytes(16).toString("base64url");
    for (const file of image.files) await mediaStore().put(`${key}/${file.name}`, file.body, file.contentType);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO media (key, file_name, alt_text, format, width, height, bytes, stored_bytes)
       VALUES ($1, $2, $3, 'png', $4, $5, $6, $7) RETURNING id`,
      [
        key,
        `generated-${seed}-${index + 1}.png`,
        picture.alt,
        image.width,
        image.height,
        png.length,
        image.files.reduce((sum, file) => sum + file.body.length, 0),
      ],
    );
    ids.push(inserted.rows[0]!.id);
  }
  const result = await client.query(
    `WITH numbered AS (
       SELECT id, (row_number() OVER (ORDER BY slug) - 1) % $1 AS slot FROM articles WHERE lead_image_id IS NULL
     )
     UPDATE articles a
     SET lead_image_id = ($2::uuid[])[slot + 1],
         lead_image_alt = ($3::text[])[slot + 1],
         lead_image_caption = ($4::text[])[slot + 1],
         lead_image_credit = 'Folio graphics'
     FROM numbered WHERE a.id = numbered.id`,
    [ids.length, ids, pictures.map((picture) => picture.alt), pictures.map((picture) => picture.caption)],
  );
  return result.rowCount ?? 0;
}
