// An upload from the import form, from the request's first byte to its
// answer: refused by its headers (too large, not a form), received to disk,
// recognised (detectImportFile), then made a run whose preview starts in
// the background; the admin is sent to the run's page. Whatever is refused
// leaves no file and no run.
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { escapeHtml } from "@/lib/text/escape-html";
import { describeError, log } from "@/lib/observability/log";
import { detectImportFile } from "./detect-import-file";
import { importsDir, partialUploadPath, uploadPath } from "./import-files";
import { createImportRun } from "./import-runs";
import { ImportFileError } from "./import-source";
import { receiveUpload, refuseByHeaders, type UploadRefusal } from "./receive-upload";

export type UploadOutcome = { ok: true; location: string } | UploadRefusal;

export type UploadHeaders = { contentType: string | undefined; contentLength: string | undefined };

export function maxUploadBytes(): number {
  return env().IMPORT_MAX_UPLOAD_MB * 1_048_576;
}

/** Refused before a byte of the body is read: the caller answers at once and drains the body. */
export function refuseUploadHeaders(headers: UploadHeaders): UploadRefusal | null {
  return refuseByHeaders(headers, maxUploadBytes());
}

export async function acceptImportUpload(actor: Actor, body: Readable, headers: UploadHeaders): Promise<UploadOutcome> {
  assertRole(actor, "admin");
  const refused = refuseUploadHeaders(headers);
  if (refused) return refused;
  const id = randomUUID();
  await mkdir(importsDir(), { recursive: true });
  const received = await receiveUpload(body, headers.contentType, {
    maxBytes: maxUploadBytes(),
    path: partialUploadPath(id),
  });
  if (!received.ok) return received;
  const kept = uploadPath(id);
  await rename(partialUploadPath(id), kept);
  const detected = await detectImportFile(kept).catch((error: unknown) => {
    if (!(error instanceof ImportFileError)) log("warn", "import-detect-failed", describeError(error));
    return {
      kind: "unknown",
      message: error instanceof ImportFileError ? error.message : "The file could not be read.",
    } as const;
  });
  if (detected.kind === "unknown") {
    await rm(kept, { force: true });
    return { ok: false, status: 400, message: detected.message };
  }
  await createImportRun(actor, {
    id,
    kind: detected.kind,
    fileName: received.fileName,
    bytes: received.bytes,
    options: {
      ...(detected.kind === "posts" ? { format: detected.format } : {}),
      drafts: received.fields.get("drafts") === "import" ? "import" : "skip",
      sendWelcome: received.fields.get("sendWelcome") === "on",
    },
  }).catch(async (error: unknown) => {
    await rm(kept, { force: true });
    throw error;
  });
  return { ok: true, location: `/admin/import/${id}` };
}

export type UploadAnswer = { status: number; headers: Record<string, string>; body: string };

/** The message as HTML: escaped, with `npm run import` and the like shown as code. */
const messageHtml = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");

/**
 * A refusal as the client wants it: a small page for a browser (the form
 * works without JavaScript), JSON for a script, else one line of text.
 */
export function refusalAnswer(refusal: { status: number; message: string }, accept: string | undefined): UploadAnswer {
  const noStore = { "Cache-Control": "private, no-store" };
  if ((accept ?? "").includes("text/html")) {
    const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not imported | Newsroom</title></head>
<body><main><h1>The file was not imported</h1><p role="alert">${messageHtml(refusal.message)}</p>
<p>Nothing was imported and the upload was not kept.</p><p><a href="/admin/import">Back to Import</a></p></main></body></html>
`;
    return { status: refusal.status, headers: { ...noStore, "Content-Type": "text/html; charset=utf-8" }, body: page };
  }
  if ((accept ?? "").includes("application/json")) {
    const error = refusal.status === 413 ? "too_large" : "refused";
    return {
      status: refusal.status,
      headers: { ...noStore, "Content-Type": "application/json" },
      body: JSON.stringify({ error, message: refusal.message }),
    };
  }
  return {
    status: refusal.status,
    headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" },
    body: `${refusal.message}\n`,
  };
}
