// The media library on S3-compatible storage, end to end: a Folio server of
// this test's own with S3_* settings, against a local s3rver. An editor
// uploads; the files land in the bucket, not the data folder; the image is
// served from there; deleting it empties the bucket's folder for it.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { startLocalS3, type LocalS3 } from "../test/fixtures/s3-server";
import { sql } from "./database";
import { startAppServer, type AppServer } from "./hardening/app-server";
import { spareWebPort } from "./hardening/spare-ports";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

let s3: LocalS3;
let server: AppServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  s3 = await startLocalS3("folio-e2e-media");
  server = await startAppServer("media-s3", spareWebPort(35), {
    JOBS: "off",
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await s3?.stop();
});

test("uploads go to the bucket and are served from it", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const editor = await startSession(context, uniqueEmail(test.info(), "s3-editor"));
    await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
    const page = await context.newPage();
    await page.goto("/admin/media");
    const picture = await sharp({ create: { width: 800, height: 400, channels: 3, background: "#264653" } })
      .jpeg()
      .toBuffer();
    await page.getByLabel("Images").setInputFiles({ name: "s3-upload.jpg", mimeType: "image/jpeg", buffer: picture });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("The upload is in the library.");
    const [media] = await sql<{ id: string; key: string }>(
      "SELECT id, key FROM media WHERE file_name = 's3-upload.jpg' ORDER BY created_at DESC LIMIT 1",
    );
    // In the bucket (s3rver keeps objects as files), not in the data folder.
    const inBucket = () =>
      readdirSync(s3.directory, { recursive: true }).some((name) => String(name).includes(media!.key));
    expect(inBucket()).toBe(true);
    expect(existsSync(path.join(process.env.FOLIO_DATA_DIR ?? ".data", "media", media!.key))).toBe(false);
    const file = await context.request.get(`/media/${media!.key}/640.webp`);
    expect(file.status()).toBe(200);
    expect((await sharp(await file.body()).metadata()).width).toBe(640);
    // Unused: the editor deletes it, and the bucket no longer has it.
    await page.getByRole("button", { name: "Delete s3-upload.jpg" }).first().click();
    await expect(page.getByRole("status")).toContainText("The image is deleted.");
    expect((await context.request.get(`/media/${media!.key}/640.webp`)).status()).toBe(404);
    expect(inBucket()).toBe(false);
  } finally {
    await context.close();
  }
});
