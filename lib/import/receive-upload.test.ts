// The import form's upload: streamed to disk with bounded memory, cut off at
// the limit with nothing left behind, and refused with a sentence when the
// form is not one.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { formatSize, receiveUpload, refuseByHeaders, tooLargeMessage } from "./receive-upload";

const BOUNDARY = "----folio-test-boundary";
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const MB = 1_048_576;
const dir = mkdtempSync(path.join(tmpdir(), "folio-upload-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const target = () => path.join(dir, `upload-${(files += 1)}.part`);

function field(name: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

/** A form with a file of `bytes` bytes, made as it is read (never whole in memory). */
function form(options: { bytes: number; fields?: string; name?: string; end?: boolean }): Readable {
  const { bytes, fields = "", name = "file", end = true } = options;
  const chunk = Buffer.alloc(64 * 1024, "a");
  return Readable.from(
    (function* () {
      yield Buffer.from(
        `${fields}--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="../ghost export.json"\r\nContent-Type: application/json\r\n\r\n`,
      );
      for (let sent = 0; sent < bytes; sent += chunk.length)
        yield chunk.subarray(0, Math.min(chunk.length, bytes - sent));
      if (end) yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    })(),
  );
}

describe("receiveUpload", () => {
  it("writes the file to disk and reads the form's fields", async () => {
    const file = target();
    const result = await receiveUpload(form({ bytes: 1000, fields: field("drafts", "import") }), CONTENT_TYPE, {
      maxBytes: MB,
      path: file,
    });
    expect(result).toMatchObject({ ok: true, fileName: "ghost export.json", bytes: 1000 });
    expect(result.ok && result.fields.get("drafts")).toBe("import");
    expect(readFileSync(file).length).toBe(1000);
  });

  it("takes a file of exactly the limit", async () => {
    const result = await receiveUpload(form({ bytes: MB }), CONTENT_TYPE, { maxBytes: MB, path: target() });
    expect(result).toMatchObject({ ok: true, bytes: MB });
  });

  it("cuts a file off past the limit, leaves no file and stops reading the body", async () => {
    const file = target();
    const body = form({ bytes: 40 * MB });
    let read = 0;
    body.on("data", (chunk: Buffer) => (read += chunk.length));
    const result = await receiveUpload(body, CONTENT_TYPE, { maxBytes: 2 * MB, path: file });
    expect(result).toEqual({ ok: false, status: 413, message: tooLargeMessage(null, 2 * MB) });
    expect(existsSync(file)).toBe(false);
    expect(read).toBeLessThan(4 * MB);
  });

  it("streams a large file with bounded memory", async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const result = await receiveUpload(form({ bytes: 300 * MB }), CONTENT_TYPE, {
      maxBytes: 1024 * MB,
      path: target(),
    });
    clearInterval(timer);
    expect(result).toMatchObject({ ok: true, bytes: 300 * MB });
    // Measured: a few MB above the start; the file itself is 300 MB.
    expect(peak - before).toBeLessThan(64 * MB);
  });

  it("refuses a form without the file, an empty file, a truncated form", async () => {
    const noFile = await receiveUpload(form({ bytes: 10, name: "other" }), CONTENT_TYPE, {
      maxBytes: MB,
      path: target(),
    });
    expect(noFile).toMatchObject({ ok: false, status: 400, message: "Choose an export file to import." });
    const empty = await receiveUpload(form({ bytes: 0 }), CONTENT_TYPE, { maxBytes: MB, path: target() });
    expect(empty).toMatchObject({ ok: false, status: 400, message: "The file is empty." });
    const file = target();
    const cut = await receiveUpload(form({ bytes: 5000, end: false }), CONTENT_TYPE, { maxBytes: MB, path: file });
    expect(cut).toMatchObject({ ok: false, status: 400 });
    expect(existsSync(file)).toBe(false);
  });

  it("refuses a body that is not multipart", async () => {
    const result = await receiveUpload(Readable.from([Buffer.from("{}")]), "application/json", {
      maxBytes: MB,
      path: target(),
    });
    expect(result).toMatchObject({ ok: false, status: 400 });
  });
});

describe("refuseByHeaders", () => {
  it("refuses a Content-Length over the limit with the size in the sentence", () => {
    expect(refuseByHeaders({ contentType: CONTENT_TYPE, contentLength: String(2 * 1024 * MB) }, 1024 * MB)).toEqual({
      ok: false,
      status: 413,
      message:
        "This file is 2.0 GB; imports take at most 1 GB. Import a file this large with `npm run import` on the server.",
    });
    expect(
      refuseByHeaders({ contentType: CONTENT_TYPE, contentLength: String(1024 * MB + 1000) }, 1024 * MB),
    ).toBeNull();
    expect(refuseByHeaders({ contentType: "text/plain", contentLength: "10" }, MB)).toMatchObject({ status: 400 });
  });

  it("says sizes as people read them", () => {
    expect([formatSize(12_000), formatSize(5.5 * MB), formatSize(340 * MB), formatSize(1536 * MB)]).toEqual([
      "12 KB",
      "5.5 MB",
      "340 MB",
      "1.5 GB",
    ]);
  });
});
