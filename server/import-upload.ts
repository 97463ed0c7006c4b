// POST /api/admin/import (the newsroom's import form) answered by the web
// server itself, before Next.js sees the body. Next.js holds every request
// body in memory for proxy.ts up to experimental.proxyClientMaxBodySize
// (the largest image, about 21 MB: next.config.js) and silently cuts the
// rest, and refuseOversizedBody answers anything larger with an image's
// 413; an export is often hundreds of megabytes. Here the body streams to
// disk (lib/import/accept-upload.ts) up to IMPORT_MAX_UPLOAD_MB: a larger
// Content-Length is answered 413 at once, before a byte is read; a body
// that grows past the limit is cut off there. After a refusal the rest of
// the body is read and dropped (a client still sending would otherwise
// fail writing instead of reading the answer), for a minute at most.
// The route (app/api/admin/import/route.ts) answers the same where Next.js
// runs alone.
import type { IncomingMessage, ServerResponse } from "node:http";
import { actorOf, type Actor } from "@/lib/auth/actor";
import { hasRole } from "@/lib/auth/roles";
import { readerOfSession } from "@/lib/auth/session-reader";
import { PRIVATE } from "@/lib/http/cache-policy";
import { servedOverHttps } from "@/lib/http/request-security";
import { FIXED_SECURITY_HEADERS, frameOptions, HSTS } from "@/lib/http/security-headers";
import { acceptImportUpload, refusalAnswer, refuseUploadHeaders, type UploadAnswer } from "@/lib/import/accept-upload";
import { describeError, log } from "@/lib/observability/log";
import { fromAnotherSite } from "./refuse-cross-site-action";
import { sessionCookieOf } from "./session-cookie";

const UPLOAD_PATH = /^\/api\/admin\/import\/?(?:\?|$)/;
const DRAIN_LIMIT_MS = 60_000;
// The refusal page has no scripts, styles or images.
const PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function isImportUpload(request: IncomingMessage): boolean {
  return request.method === "POST" && UPLOAD_PATH.test(request.url ?? "");
}

/** Answers an upload (isImportUpload) whatever happens; never rejects. */
export async function answerImportUpload(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const accept = request.headers.accept;
  try {
    if (fromAnotherSite(request))
      return send(request, response, refusalAnswer(refusal(403, "This form was sent from another site."), accept));
    const actor = await adminOf(request);
    if (actor === "anonymous")
      return send(request, response, refusalAnswer(refusal(401, "Sign in as an admin to import."), accept));
    if (actor === "forbidden")
      return send(request, response, refusalAnswer(refusal(403, "Importing needs the admin role."), accept));
    const headers = { contentType: request.headers["content-type"], contentLength: request.headers["content-length"] };
    const refused = refuseUploadHeaders(headers);
    if (refused) return send(request, response, refusalAnswer(refused, accept));
    const outcome = await acceptImportUpload(actor, request, headers);
    if (!outcome.ok) return send(request, response, refusalAnswer(outcome, accept));
    send(request, response, {
      status: 303,
      headers: { Location: outcome.location, "Cache-Control": PRIVATE },
      body: "",
    });
  } catch (error) {
    log("error", "import-upload-failed", describeError(error));
    send(
      request,
      response,
      refusalAnswer(refusal(500, "The upload could not be stored; nothing was imported."), accept),
    );
  }
}

const refusal = (status: number, message: string) => ({ status, message });

/**
 * The signed-in admin. A session Auth.js would extend on this request counts
 * too: an upload cannot be handed on to Auth.js afterwards, and extending a
 * session is not worth refusing an admin's upload.
 */
async function adminOf(request: IncomingMessage): Promise<Actor | "anonymous" | "forbidden"> {
  const cookie = sessionCookieOf(request);
  const reader = cookie ? await readerOfSession(cookie.token, new Date(), { evenIfDueForUpdate: true }) : null;
  if (!reader) return "anonymous";
  return hasRole(reader.role, "admin") ? actorOf(reader) : "forbidden";
}

function send(request: IncomingMessage, response: ServerResponse, answer: UploadAnswer): void {
  if (!response.headersSent) {
    for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) response.setHeader(name, value);
    response.setHeader("X-Frame-Options", frameOptions("none"));
    response.setHeader("Content-Security-Policy", PAGE_POLICY);
    if (servedOverHttps(new Headers(pick(request, "x-forwarded-proto"))))
      response.setHeader("Strict-Transport-Security", HSTS);
    response.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
    response.end(answer.body);
  }
  if (request.complete || request.destroyed) return;
  const cutOff = setTimeout(() => request.destroy(), DRAIN_LIMIT_MS);
  cutOff.unref();
  request.once("close", () => clearTimeout(cutOff));
  request.resume();
}

function pick(request: IncomingMessage, name: string): Record<string, string> {
  const value = request.headers[name];
  return typeof value === "string" ? { [name]: value } : {};
}
