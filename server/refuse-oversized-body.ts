// Every request body passes through Next.js's proxy step, which buffers it up
// to experimental.proxyClientMaxBodySize and silently cuts the rest
// (next.config.js). A body that says it is larger than that is refused here,
// before Next.js reads any of it: the body is read and dropped (never kept),
// then answered 413 with a sentence (JSON for a script). Answering while the
// client is still sending would make it fail writing (EPIPE) instead of
// reading the answer; a client that takes longer than a minute is cut off.
import type { IncomingMessage, ServerResponse } from "node:http";

const DRAIN_LIMIT_MS = 60_000;

/** `maxBytes`: the largest image (MEDIA_MAX_MB) and 1 MB for the form around it. */
export function refuseOversizedBody(request: IncomingMessage, response: ServerResponse, maxBytes: number): boolean {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (!(declared > maxBytes)) return false;
  const message = `The upload is larger than the ${Math.floor(maxBytes / 1_048_576) - 1} MB an image may be.`;
  const json = (request.headers.accept ?? "").includes("application/json");
  const answer = () => {
    if (response.headersSent) return;
    response.writeHead(413, { "Content-Type": json ? "application/json" : "text/plain; charset=utf-8" });
    response.end(json ? JSON.stringify({ error: "too-large", message }) : message);
  };
  const cutOff = setTimeout(() => request.destroy(), DRAIN_LIMIT_MS);
  cutOff.unref();
  request.once("end", () => {
    clearTimeout(cutOff);
    answer();
  });
  request.once("error", () => clearTimeout(cutOff));
  request.resume();
  return true;
}
