// Takes Next.js's client runtime out of the pages that asked for it
// (lib/http/page-without-scripts.ts): the script elements, inline or not,
// and the hints that preload scripts. What is left is the page as the
// server rendered it, which works without JavaScript; structured data
// (JSON-LD, a script element that is not code) stays. Pages are read with
// an HTML tokenizer (htmlparser2) and the elements cut out of the text at
// the positions it reports, so nothing else in the page is touched or
// re-serialised.
//
// Such a page is held until Next.js has written all of it, then sent: the
// reader pages are rendered whole (no streamed parts), so holding them
// delays nothing, and the page cache (page-cache.ts) keeps the page as sent.
import type { ServerResponse } from "node:http";
import { Parser } from "htmlparser2";
import type { RequestContext } from "@/lib/observability/request-context";
import { writtenChunk } from "./written-chunk";

const HTML = /^\s*text\/html\s*(;|$)/i;

/** The page without its scripts and script preloads; JSON-LD stays. */
export function removePageScripts(html: string): string {
  const cuts: [start: number, end: number][] = [];
  let scriptStart: number | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "script" && attributes.type?.toLowerCase() !== "application/ld+json") {
          scriptStart = parser.startIndex;
        } else if (name === "link" && preloadsScript(attributes)) {
          cuts.push([parser.startIndex, parser.endIndex + 1]);
        }
      },
      onclosetag(name) {
        if (name !== "script" || scriptStart === null) return;
        cuts.push([scriptStart, parser.endIndex + 1]);
        scriptStart = null;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  if (cuts.length === 0) return html;
  let kept = "";
  let from = 0;
  for (const [start, end] of cuts) {
    kept += html.slice(from, start);
    from = end;
  }
  return kept + html.slice(from);
}

function preloadsScript(attributes: Record<string, string>): boolean {
  const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
  return rel.includes("modulepreload") || (rel.includes("preload") && attributes.as?.toLowerCase() === "script");
}

/**
 * Wraps the response so that an HTML page whose render asked for it
 * (`context.withoutScripts`, set before the page's first byte is written)
 * and succeeded is sent without its scripts. Any other response passes
 * through as written.
 */
export function removeScriptsWhenAsked(response: ServerResponse, context: RequestContext): void {
  const write = response.write as (...args: unknown[]) => boolean;
  const end = response.end as (...args: unknown[]) => ServerResponse;
  let held: Buffer[] | null = null;
  let decided = false;

  function decide(): void {
    if (decided) return;
    decided = true;
    const html = HTML.test(String(response.getHeader("content-type") ?? ""));
    // A length already sent would no longer be the page's.
    const lengthSent = response.headersSent && response.hasHeader("content-length");
    // Only a page rendered whole: Next.js writes a 404 or an error page that
    // a page's render threw as an empty body, its content only in the flight
    // data the client runtime draws from.
    if (context.withoutScripts && html && response.statusCode === 200 && !lengthSent) held = [];
  }

  response.write = function (this: ServerResponse, ...args: unknown[]) {
    decide();
    if (!held) return write.apply(this, args);
    hold(held, args);
    const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];

  response.end = function (this: ServerResponse, ...args: unknown[]) {
    decide();
    if (!held) return end.apply(this, args);
    hold(held, args);
    const callback = args.find((arg) => typeof arg === "function");
    const body = Buffer.concat(held);
    held = null;
    if (body.length === 0) return end.call(this, callback);
    const page = Buffer.from(removePageScripts(body.toString("utf8")));
    if (!response.headersSent && response.hasHeader("content-length"))
      response.setHeader("Content-Length", page.length);
    return end.call(this, page, callback);
  } as ServerResponse["end"];
}

function hold(held: Buffer[], [chunk, encoding]: unknown[]): void {
  const buffer = writtenChunk(chunk, encoding);
  // A copy: the writer may reuse its buffer once write() returns.
  if (buffer) held.push(Buffer.from(buffer));
}
