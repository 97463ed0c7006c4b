// Every request body passes through Next.js's proxy step, which buffers it up
// to experimental.proxyClientMaxBodySize and silently cuts the rest
// (next.config.js). A body that says it is larger than that is answered here,
// before Next.js reads any of it: 413 with a sentence (JSON for a script),
// and the rest of the upload read and dropped so the client gets the answer.
import type { IncomingMessage, ServerResponse } from "node:http";

/** `maxBytes`: the largest image (MEDIA_MAX_MB) and 1 MB for the form around it. */
export function refuseOversizedBody(request: IncomingMessage, response: ServerResponse, maxBytes: number): boolean {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (!(declared > maxBytes)) return false;
  const message = `The upload is larger than the ${Math.floor(maxBytes / 1_048_576) - 1} MB an image may be.`;
  const json = (request.headers.accept ?? "").includes("application/json");
  response.writeHead(413, {
    "Content-Type": json ? "application/json" : "text/plain; charset=utf-8",
    Connection: "close",
  });
  response.end(json ? JSON.stringify({ error: "too-large", message }) : message);
  request.resume();
  return true;
}
