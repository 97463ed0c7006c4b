// The web server's logs as JSON lines (lib/observability/log.ts): one access
// line per request with its id, status and duration (the path without its
// query string, which can carry tokens and addresses), and whatever Next.js
// or a library prints through console.* turned into a redacted line with
// the id of the request it belongs to.
import type { IncomingMessage, ServerResponse } from "node:http";
import { appendFileSync } from "node:fs";
import { format } from "node:util";
import { log, type LogLevel } from "@/lib/observability/log";

export function logConsoleAsJson(): void {
  const levels: [keyof Console & ("log" | "info" | "warn" | "error"), LogLevel][] = [
    ["log", "info"],
    ["info", "info"],
    ["warn", "warn"],
    ["error", "error"],
  ];
  for (const [method, level] of levels) {
    console[method] = (...args: unknown[]) => log(level, "console", { message: format(...args) });
  }
}

// Enough to recognise the route; a 15 KB made-up path need not fill the log.
const LOGGED_PATH_LENGTH = 500;

/** The request's path without its query (which may carry a token), cut to a readable length. */
function loggedPath(request: IncomingMessage): string {
  const path = (request.url ?? "").split("?")[0]!;
  return path.length > LOGGED_PATH_LENGTH ? `${path.slice(0, LOGGED_PATH_LENGTH)}…` : path;
}

export function logRequest(request: IncomingMessage, response: ServerResponse, requestId: string): void {
  const started = performance.now();
  // "finish" fires outside the request's async context: the id is passed.
  // A response cut off before it was complete ends with "close" alone.
  response.once("close", () => {
    if (response.writableFinished) return;
    log("error", "request-aborted", {
      requestId,
      method: request.method,
      path: loggedPath(request),
      status: response.headersSent ? response.statusCode : null,
      durationMs: Math.round(performance.now() - started),
    });
  });
  response.once("finish", () => {
    const status = response.statusCode;
    log(status >= 500 ? "error" : "info", "request", {
      requestId,
      method: request.method,
      path: loggedPath(request),
      status,
      durationMs: Math.round(performance.now() - started),
    });
  });
}

/** Copies everything the process prints to `file` as well (FOLIO_LOG_FILE; the tests scan it). */
export function teeOutputTo(file: string): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      try {
        appendFileSync(file, typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array));
      } catch {
        // The copy is for tests; the real output goes on regardless.
      }
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}
