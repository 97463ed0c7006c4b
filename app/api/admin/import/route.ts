// POST /api/admin/import: upload an export to import (multipart: "file", and "drafts", "sendWelcome"; admins).
// The production server answers this itself before Next.js (server/import-upload.ts), since
// Next.js holds a body in memory for proxy.ts and cuts it at proxyClientMaxBodySize; this
// route serves the same upload where Next.js runs alone (next dev), up to that size.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { NextResponse } from "next/server";
import { acceptImportUpload, refusalAnswer, type UploadOutcome } from "@/lib/import/accept-upload";
import { withRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";

export const POST = withRole("admin", async (request, { actor }) => {
  const outcome: UploadOutcome = request.body
    ? await acceptImportUpload(actor, Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), {
        contentType: request.headers.get("content-type") ?? undefined,
        contentLength: request.headers.get("content-length") ?? undefined,
      })
    : { ok: false, status: 400, message: "Choose an export file to import." };
  if (outcome.ok) return NextResponse.redirect(new URL(outcome.location, request.url), 303);
  const answer = refusalAnswer(outcome, request.headers.get("accept") ?? undefined);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
});
