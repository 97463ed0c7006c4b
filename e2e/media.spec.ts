// Images as the newsroom and readers meet them: an editor uploads to the
// media library, sets a lead image with alt text and caption, puts another
// image in the body below the cut and publishes; an anonymous reader sees
// the lead image everywhere it belongs and cannot fetch the gated image; a
// subscriber sees both. Uploads that are not images we accept are refused
// with a message and leave nothing behind.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { sql } from "./database";
import { origin } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

test.describe.configure({ mode: "serial" });

/** A photo-like JPEG with GPS data in its EXIF, as phones make them. */
async function photo(width: number, height: number, colour: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .withExifMerge({ IFD3: { GPSMapDatum: "WGS-84-FOLIO", GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .toBuffer();
}

async function editorPage(page: Page, label: string) {
  const editor = await startSession(page.context(), uniqueEmail(test.info(), label));
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
  return editor;
}

async function upload(page: Page, name: string, body: Buffer, alt: string) {
  await page.goto("/admin/media");
  await page.getByLabel("Images").setInputFiles({ name, mimeType: "image/jpeg", buffer: body });
  await page.getByLabel("Alt text").first().fill(alt);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("The upload is in the library.");
  const [row] = await sql<{ id: string; key: string; width: number; height: number }>(
    "SELECT id, key, width, height FROM media WHERE file_name = $1",
    [name],
  );
  return row!;
}

const json = (data: unknown) => ({ data, headers: { Origin: origin() } });

let articleSlug = "";
let gatedUrl = "";
let leadKey = "";

test("an editor uploads, sets a lead image, puts an image below the cut and publishes", async ({ page }) => {
  await editorPage(page, "media-editor");
  const stamp = randomUUID().slice(0, 8);
  const lead = await upload(page, `harbour-${stamp}.jpg`, await photo(1600, 900, "#2d6a8f"), "Cranes over the harbour");
  const inline = await upload(
    page,
    `chart-${stamp}.jpg`,
    await photo(1200, 800, "#8f2d4a"),
    "A chart of tanker counts",
  );
  leadKey = lead.key;
  await expect(page.getByRole("listitem").filter({ hasText: `harbour-${stamp}.jpg` })).toContainText("1600 × 900");

  // The article, with the second image after the cut.
  const created = await page.request.post(
    "/api/admin/articles",
    json({
      title: `The Harbour in Pictures ${stamp}`,
      dek: "What the cranes say about trade.",
      body: [
        "The opening paragraph every reader sees.",
        "<!-- paywall -->",
        "Behind the cut, the chart that explains it.",
        `![A chart of tanker counts](/media/${inline.key}?w=${inline.width}&h=${inline.height} "Tankers per week")`,
      ].join("\n\n"),
    }),
  );
  expect(created.status()).toBe(201);
  const { id, slug } = (await created.json()) as { id: string; slug: string };
  articleSlug = slug;
  gatedUrl = `/media/${inline.key}/640.webp`;

  // The lead image, chosen in the editor with its alt text and caption.
  await page.goto(`/admin/articles/${id}`);
  const form = page.getByRole("region", { name: "Lead image" });
  await form.getByLabel(`harbour-${stamp}.jpg`).check();
  await form.getByLabel("Caption").fill("Cranes at dawn");
  await form.getByLabel("Credit").fill("Folio staff");
  await form.getByRole("button", { name: "Save lead image" }).click();
  await expect(form.getByRole("alert")).toContainText("The lead image was not saved");
  await expect(form).toContainText("Describe the image in the alt text");
  // The choice and the caption came back; only the alt text is missing.
  await expect(form.getByLabel(`harbour-${stamp}.jpg`)).toBeChecked();
  await expect(form.getByLabel("Caption")).toHaveValue("Cranes at dawn");
  await form.getByLabel("Alt text").fill("Cranes over the harbour at dawn");
  await form.getByRole("button", { name: "Save lead image" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The lead image is saved." })).toBeVisible();

  expect((await page.request.post(`/api/admin/articles/${id}/publish`, json({}))).status()).toBe(200);
  // A used image cannot be deleted.
  await page.goto(`/admin/media?q=harbour-${stamp}`);
  await expect(page.locator(".media-item")).toContainText("used by 1 article");
  await expect(page.getByRole("button", { name: `Delete harbour-${stamp}.jpg` })).toHaveCount(0);
});

test("an anonymous reader sees the lead image everywhere and cannot fetch the gated one", async ({ request }) => {
  const page = await request.get(`/articles/${articleSlug}`);
  const html = await page.text();
  expect(html).toContain(`/media/${leadKey}/960.webp`);
  expect(html).toContain('alt="Cranes over the harbour at dawn"');
  expect(html).toContain("Cranes at dawn");
  expect(html).toMatch(new RegExp(`<meta property="og:image" content="http[^"]+/media/${leadKey}/1280\\.webp"`));
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
  expect(html).toMatch(/"image":\["http[^"]+\/media\//);
  expect(html).not.toContain(gatedUrl.split("/")[2]);

  const home = await (await request.get("/")).text();
  expect(home).toContain(`/media/${leadKey}/`);
  const feed = await (await request.get("/feed.xml")).text();
  expect(feed).toContain(`<media:content url="`);

  const leadFile = await request.get(`/media/${leadKey}/640.webp`);
  expect(leadFile.status()).toBe(200);
  expect(leadFile.headers()["content-type"]).toBe("image/webp");
  expect(leadFile.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  for (const url of [gatedUrl, gatedUrl.replace("640.webp", "email.jpg"), `${gatedUrl}?t=forged`]) {
    const gated = await request.get(url);
    expect(gated.status(), url).toBe(404);
    expect(gated.headers()["cache-control"]).toContain("private");
  }
});

test("a subscriber sees both images", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  try {
    const reader = await startSession(context, uniqueEmail(test.info(), "media-subscriber"));
    await sql("UPDATE users SET comp_until = now() + interval '1 day' WHERE id = $1", [reader.id]);
    const page = await context.newPage();
    await page.goto(`/articles/${articleSlug}`);
    const gatedImage = page.locator(".gated-section figure img");
    await expect(gatedImage).toHaveAttribute("alt", "A chart of tanker counts");
    await expect(page.locator(".gated-section figcaption")).toHaveText("Tankers per week");
    // Loaded, at the size its box reserved.
    await expect
      .poll(() => gatedImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    const file = await context.request.get(gatedUrl);
    expect(file.status()).toBe(200);
    expect(file.headers()["cache-control"]).toBe("private, no-store");
  } finally {
    await context.close();
  }
});

test("EXIF location is gone from every stored size", async ({ request }) => {
  for (const name of ["320.webp", "640.webp", "960.webp", "1280.webp", "1600.webp", "email.jpg"]) {
    const file = await request.get(`/media/${leadKey}/${name}`);
    expect(file.status(), name).toBe(200);
    const body = await file.body();
    expect(body.includes(Buffer.from("WGS-84-FOLIO")), name).toBe(false);
    expect((await sharp(body).metadata()).exif, name).toBeUndefined();
  }
});

/** Uploads as `editorId` (whose uploads only this test makes) and checks that nothing was stored. */
async function refusedUpload(api: APIRequestContext, editorId: string, name: string, buffer: Buffer, mimeType: string) {
  const count = () =>
    sql<{ count: number }>("SELECT count(*)::int AS count FROM media WHERE uploaded_by = $1", [editorId]);
  const before = await count();
  const response = await api.post("/api/admin/media", {
    multipart: { file: { name, mimeType, buffer } },
    headers: { Origin: origin(), Accept: "application/json" },
  });
  const after = await count();
  expect(after[0]!.count, name).toBe(before[0]!.count);
  return { status: response.status(), body: (await response.json()) as { message: string } };
}

test("uploads that are not accepted images are refused with a message and store nothing", async ({ page }) => {
  const editor = await editorPage(page, "media-refusals");
  const api = page.request;
  const png20k = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  // A 1 × 1 PNG whose header says 20,000 × 20,000.
  png20k.writeUInt32BE(20_000, 16);
  png20k.writeUInt32BE(20_000, 20);
  const { crc32 } = await import("node:zlib");
  png20k.writeUInt32BE(crc32(png20k.subarray(12, 29)), 29);
  const cases: [string, Buffer, string, number, string][] = [
    ["shell.php.jpg", Buffer.from("<?php system($_GET['c']); ?>"), "image/jpeg", 400, "is not an image we accept"],
    [
      "drawing.svg",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
      "image/svg+xml",
      400,
      "is not an image we accept",
    ],
    ["huge.png", png20k, "image/png", 400, "million pixels"],
    ["empty.jpg", Buffer.alloc(0), "image/jpeg", 400, "The file is empty."],
    [`${"../".repeat(10)}etc/passwd\u0000.jpg`, Buffer.from("GIF89a not really"), "image/gif", 400, "is not an image"],
  ];
  for (const [name, buffer, mimeType, status, message] of cases) {
    const refused = await refusedUpload(api, editor.id, name, buffer, mimeType);
    expect(refused.status, name).toBe(status);
    expect(refused.body.message, name).toContain(message);
  }
  // 50 MB: refused by its declared size, before it is read.
  const large = await refusedUpload(api, editor.id, "large.jpg", Buffer.alloc(50 * 1_048_576, 0xff), "image/jpeg");
  expect(large.status).toBe(413);
  expect(large.body.message).toContain("is larger than the 20 MB an image may be");

  // A file name of 1,000 characters is kept short and harmless.
  const ok = await api.post("/api/admin/media", {
    multipart: {
      file: { name: `${"a".repeat(1000)}.jpg`, mimeType: "text/plain", buffer: await photo(64, 64, "#123456") },
    },
    headers: { Origin: origin(), Accept: "application/json" },
  });
  expect(ok.status()).toBe(201);
  const [stored] = ((await ok.json()) as { media: { fileName: string; format: string }[] }).media;
  expect(stored!.fileName.length).toBeLessThanOrEqual(200);
  expect(stored!.format).toBe("jpeg");
});

test("an image pasted into the editor's text goes to the library and in at the cursor", async ({ page }) => {
  await editorPage(page, "media-paste");
  const created = await page.request.post(
    "/api/admin/articles",
    json({ title: `Pasted ${randomUUID().slice(0, 8)}`, body: "First paragraph.\n\nSecond paragraph." }),
  );
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/admin/articles/${id}`);
  const body = page.getByRole("textbox", { name: "Body (Markdown)" });
  await body.evaluate((textarea: HTMLTextAreaElement) => textarea.setSelectionRange(16, 16));
  const png = (
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#2a9d8f" } })
      .png()
      .toBuffer()
  ).toString("base64");
  await body.evaluate((textarea: HTMLTextAreaElement, data: string) => {
    const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "pasted.png", { type: "image/png" }));
    textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, png);
  await expect(
    page.getByRole("status").filter({ hasText: "The image is in the library and in the text." }),
  ).toBeVisible();
  await expect(body).toHaveValue(
    /^First paragraph\.\n\n!\[\]\(\/media\/[A-Za-z0-9_-]{22}\?w=300&h=200\)\n\nSecond paragraph\.$/,
  );
});
