// Compresses every response worth compressing, whoever made it: a page
// rendered by Next.js, a page from the whole-page cache (page-cache.ts), an
// API's JSON, the feed's XML, the build's scripts and styles. Before this,
// Next.js gzipped what it rendered itself, but the page cache has to read a
// page as rendered (to find its nonce), so the request that filled the cache
// went out uncompressed: the home page at 47 KB instead of 8.5 KB, to the
// first reader after every newsroom change. Next.js's own compression is off
// (next.config.js) so that this is the one place that decides.
//
// Brotli when the client accepts it, else gzip. Brotli at quality 5: on the
// home page (49 KB) it takes about 0.7 ms and gives 7.9 KB, against gzip's
// 8.7 KB (level 6, 1 to 2 ms); quality 11 would save 0.9 KB more for 59 ms of
// a core per request (docs/performance.md). Streamed pages stay streamed:
// Next.js calls `flush()` after each piece it writes, which flushes the
// compressor.
import type { IncomingMessage, ServerResponse } from "node:http";
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from "node:zlib";
import { varyWith } from "@/lib/http/cache-policy";
import { moveWriteHeadHeaders } from "./write-head-headers";

export type Encoding = "br" | "gzip";

// Below this, the encoding's own overhead and the CPU are not worth it.
const MIN_BYTES = 1024;
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;
// Text, JSON, XML, scripts, SVG and web manifests; never an event stream,
// whose events must reach the client as they are written.
const COMPRESSIBLE =
  /^\s*(text\/(?!event-stream)[\w.+-]+|application\/(json|xml|javascript|ecmascript|[\w.-]+\+(json|xml))|image\/svg\+xml)\s*(;|$)/i;

const compressed = new WeakSet<ServerResponse>();

/** The encoding to use for an Accept-Encoding header: Brotli over gzip, neither when refused (q=0). */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const weights = new Map<string, number>();
  for (const item of [acceptEncoding ?? ""].flat().join(",").split(",")) {
    const [name = "", ...parameters] = item.split(";").map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get("*") ?? 0;
  const [br, gzip] = [weightOf("br"), weightOf("gzip")];
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? "br" : "gzip";
}

export function isCompressible(contentType: unknown): boolean {
  return typeof contentType === "string" && COMPRESSIBLE.test(contentType);
}

/** Whether this module encoded the response (its Content-Encoding is ours, the body written to it is not encoded). */
export function compressedHere(response: ServerResponse): boolean {
  return compressed.has(response);
}

/** Wraps the response so that its body is compressed when the client asks and the response is worth it. */
export function compressResponse(request: IncomingMessage, response: ServerResponse): void {
  // Read now: the whole-page cache and Next.js may change the request's headers later.
  const encoding = preferredEncoding(request.headers["accept-encoding"]);
  const writeHead = response.writeHead as (...args: unknown[]) => ServerResponse;
  const write = response.write as (...args: unknown[]) => boolean;
  const end = response.end as (...args: unknown[]) => ServerResponse;
  let stream: BrotliCompress | Gzip | null = null;
  // The body's length, when end() brings all of it before the headers are written.
  let endingWith: number | null = null;

  function start(status: number): void {
    if (!isCompressible(response.getHeader("content-type"))) return;
    // The answer differs by Accept-Encoding whether or not this one is compressed.
    response.setHeader("Vary", varyWith(response.getHeader("vary")?.toString(), "Accept-Encoding"));
    const length = response.hasHeader("content-length") ? Number(response.getHeader("content-length")) : endingWith;
    const worthIt =
      encoding !== null &&
      request.method !== "HEAD" &&
      status >= 200 &&
      status !== 204 &&
      status !== 304 &&
      !response.hasHeader("content-encoding") &&
      !/\bno-transform\b/i.test(String(response.getHeader("cache-control") ?? "")) &&
      (length === null || length >= MIN_BYTES);
    if (!worthIt) return;
    stream =
      encoding === "br"
        ? createBrotliCompress({
            params: {
              [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              ...(length ? { [constants.BROTLI_PARAM_SIZE_HINT]: length } : {}),
            },
          })
        : createGzip({ level: GZIP_LEVEL });
    compressed.add(response);
    response.setHeader("Content-Encoding", encoding);
    response.removeHeader("Content-Length");
    const output = stream;
    output.on("data", (chunk: Buffer) => {
      if (!write.call(response, chunk)) output.pause();
    });
    response.on("drain", () => output.resume());
    // Next.js waits for the response's drain when a write returns false.
    output.on("drain", () => response.emit("drain"));
    output.on("end", () => end.call(response));
    response.once("close", () => output.destroy());
    // A compressor's error would otherwise be unhandled and end the process.
    output.on("error", () => response.destroy());
  }

  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const rest = moveWriteHeadHeaders(response, args);
    start(typeof rest[0] === "number" ? rest[0] : response.statusCode);
    return writeHead.apply(this, rest);
  } as ServerResponse["writeHead"];

  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!response.headersSent) response.writeHead(response.statusCode);
    if (!stream) return write.apply(this, args);
    return (stream.write as (...rest: unknown[]) => boolean).apply(stream, args);
  } as ServerResponse["write"];

  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!response.headersSent) {
      const [chunk, encodingName] = args;
      if (typeof chunk === "string")
        endingWith = Buffer.byteLength(
          chunk,
          typeof encodingName === "string" ? (encodingName as BufferEncoding) : "utf8",
        );
      else if (chunk instanceof Uint8Array) endingWith = chunk.byteLength;
      else if (chunk === undefined || chunk === null || typeof chunk === "function") endingWith = 0;
      response.writeHead(response.statusCode);
    }
    if (!stream) return end.apply(this, args);
    // The response ends when the compressor has written its last bytes.
    (stream.end as (...rest: unknown[]) => unknown).apply(stream, args);
    return this;
  } as ServerResponse["end"];

  // Next.js flushes after each piece of a streamed page.
  (response as ServerResponse & { flush?: () => void }).flush = () => stream?.flush();
}
