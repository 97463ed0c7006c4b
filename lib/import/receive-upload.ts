// Receiving an export file from the newsroom's import form. The multipart
// body is streamed with busboy straight into a file, never held in memory,
// and cut off once the file passes the limit (IMPORT_MAX_UPLOAD_MB): the
// partial file is deleted and the answer is a 413 with a sentence. The web
// server's own handler (server/import-upload.ts) and the route
// (app/api/admin/import/route.ts) both receive through here.
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";

export type UploadRefusal = { ok: false; status: 400 | 413 | 500; message: string };

export type ReceivedUpload = {
  ok: true;
  /** The original file name, cleaned for display. */
  fileName: string;
  bytes: number;
  /** The form's other fields (small: 1 KB each at most). */
  fields: Map<string, string>;
};

/** Room for the multipart framing and the form's few small fields around the file. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

const NOT_A_FORM = "Send the export as a form upload (multipart/form-data) with the file in the field “file”.";

/** "2.0 GB", "340 MB", "12 KB": a file's size as the newsroom says it. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  const mb = bytes / 1024 ** 2;
  if (mb >= 1) return `${mb < 10 && !Number.isInteger(mb) ? mb.toFixed(1) : Math.round(mb)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "1 GB", "500 MB": a limit, given in whole megabytes. */
export function formatLimit(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  return Number.isInteger(gb) ? `${gb} GB` : formatSize(bytes);
}

/** The 413's sentence; `bytes` null when the size is not known (a body without Content-Length). */
export function tooLargeMessage(bytes: number | null, maxBytes: number): string {
  const limit = formatLimit(maxBytes);
  const size =
    bytes === null
      ? `This file is larger than ${limit}, the most an import takes.`
      : `This file is ${formatSize(bytes)}; imports take at most ${limit}.`;
  return `${size} Import a file this large with \`npm run import\` on the server.`;
}

/** A refusal from the request's headers alone, before any of the body is read: too large, or not a form. */
export function refuseByHeaders(
  headers: { contentType: string | undefined; contentLength: string | undefined },
  maxBytes: number,
): UploadRefusal | null {
  const declared = Number(headers.contentLength ?? 0);
  if (declared > maxBytes + FORM_OVERHEAD_BYTES) {
    return { ok: false, status: 413, message: tooLargeMessage(declared, maxBytes) };
  }
  if (!/^multipart\/form-data/i.test(headers.contentType ?? "")) return { ok: false, status: 400, message: NOT_A_FORM };
  return null;
}

/** A file name as the newsroom shows it: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean.slice(0, 200) || "upload";
}

/**
 * Streams the form's field "file" into `path` (created; it must not exist).
 * On any refusal the partial file is removed before this returns, and the
 * rest of the body is left unread: the caller answers and drains it.
 */
export async function receiveUpload(
  body: Readable,
  contentType: string | undefined,
  options: { maxBytes: number; path: string },
): Promise<ReceivedUpload | UploadRefusal> {
  const { maxBytes, path } = options;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // One more byte than allowed: busboy reports the limit on reaching it,
      // and a file of exactly the limit is allowed.
      limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 20 },
    });
  } catch {
    return { ok: false, status: 400, message: NOT_A_FORM };
  }
  let saving: Promise<number> | null = null;
  let fileStream: Readable | null = null;
  let fileName = "";
  const fields = new Map<string, string>();
  let received = 0;
  let bodyFailed = false;

  const outcome = await new Promise<ReceivedUpload | UploadRefusal>((resolve) => {
    let settled = false;
    const finish = (result: ReceivedUpload | UploadRefusal) => {
      if (settled) return;
      settled = true;
      body.off("data", count);
      body.unpipe(parser);
      resolve(result);
    };
    const tooLarge = () => finish({ ok: false, status: 413, message: tooLargeMessage(null, maxBytes) });
    // The whole body too: a second file field or endless framing is drained by busboy, not saved.
    function count(chunk: Buffer) {
      received += chunk.length;
      if (received > maxBytes + FORM_OVERHEAD_BYTES) tooLarge();
    }
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || saving) {
        stream.resume();
        return;
      }
      fileName = cleanFileName(info.filename);
      fileStream = stream;
      stream.once("limit", tooLarge);
      const out = createWriteStream(path, { flags: "wx" });
      saving = pipeline(stream, out).then(() => out.bytesWritten);
      // Awaited at the end; this keeps an early failure from being "unhandled" meanwhile.
      saving.catch(() => {});
    });
    parser.on("field", (name, value, info) => {
      if (!info.valueTruncated && !info.nameTruncated) fields.set(name, value);
    });
    parser.once("close", () => {
      if (!saving) return finish({ ok: false, status: 400, message: "Choose an export file to import." });
      saving.then(
        (bytes) =>
          finish(
            bytes === 0
              ? { ok: false, status: 400, message: "The file is empty." }
              : { ok: true, fileName, bytes, fields },
          ),
        () =>
          finish(
            bodyFailed
              ? interrupted()
              : { ok: false, status: 500, message: "The server could not save the file (is its disk full?)." },
          ),
      );
    });
    parser.once("error", () =>
      finish({ ok: false, status: 400, message: "The upload could not be read: it is not a complete form." }),
    );
    const failed = () => {
      bodyFailed = true;
      finish(interrupted());
    };
    body.once("error", failed);
    body.once("aborted", failed);
    body.on("data", count);
    body.pipe(parser);
  });

  if (!outcome.ok) {
    // A file stream that was cut off never ends by itself.
    (fileStream as Readable | null)?.destroy();
    await (saving as Promise<number> | null)?.catch(() => {});
    await rm(path, { force: true });
  }
  return outcome;
}

function interrupted(): UploadRefusal {
  return { ok: false, status: 400, message: "The upload was interrupted before the whole file arrived." };
}
