// The whole-page cache in front of Next.js, for anonymous readers: the pages
// that the site's Cache-Control policy lets a CDN keep (lib/http/cache-policy.ts,
// a cookie-less GET of a public page answered 200 with no Set-Cookie) are kept
// here too, as bytes, so that a burst of readers from a shared link costs one
// render, not one each. Nothing that depends on a reader is ever stored: a
// request with a cookie, an Authorization header or any of Next.js's router
// headers never reads or fills the cache, and a response is stored only when
// the policy made it public.
//
// Two things keep a stored page right:
// - Freshness. A page is served only while no cache tag has changed since its
//   render began, as told by the tag clock (lib/cache/tag-clock.ts), which
//   hears of every change on any server through PostgreSQL within
//   milliseconds and stops vouching while PostgreSQL is away. The cache
//   cannot know which tags a page read, so any change empties it all; the newsroom changes things a few times an hour. Pages also expire
//   after five minutes (the CDN's copy, stale window included, may be as old),
//   for what changes with the clock alone. Not after one: publishing, editing
//   and scheduled publishing all change tags, and rendering every page in
//   demand again each minute would cost a busy site most of a core (2,000
//   pages are 33 renders a second).
// - The CSP nonce. Each response still gets a nonce of its own: the page's
//   bytes are stored split at the nonce it was rendered with, and put back
//   together around a fresh one. A nonce is random and the page's text was
//   fixed before it was chosen, so it can only occur where Next.js put it.
//
// Pages are read as Next.js renders them, uncompressed (the compression in
// front, compress-response.ts, encodes what is written after this has seen
// it), and stored deflated, about a fifth of their size (an article page of
// 31 KB keeps 7.5 KB): uncompressed, the benchmark's 2,000 different articles
// did not fit in the default 64 MB, and a reader going through them in turn
// found none. Inflating a page on a hit takes a fraction of a millisecond; a
// hit is written uncompressed and compressed in front like every response.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { deflateRaw, inflateRawSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { anythingChangedSince, clockNow, clockVouches } from "@/lib/cache/tag-clock";
import { carriesGiftParams } from "@/lib/gifts/gift-links";
import { crawlerKind } from "@/lib/http/crawlers";
import { isPublicPage, PUBLIC_PAGE } from "@/lib/http/cache-policy";
import { newNonce } from "@/lib/http/security-headers";
import type { ArticleView, RequestContext } from "@/lib/observability/request-context";
import { compressedHere } from "./compress-response";
import { writtenChunk } from "./written-chunk";

export type StoredPage = {
  headers: [string, string | string[]][];
  /** The body with the render's nonce taken out of it, deflated. */
  deflated: Buffer;
  /** The lengths of the pieces of the body between the places the nonce was. */
  partLengths: number[];
  /** When the render began (the tag clock's time): a tag changed after that makes the page stale. */
  renderedAt: number;
  /** The article view the page declared: a hit is counted as one (server/count-article-views.ts). */
  articleView?: ArticleView;
};

/** What the cache asks the tag clock (lib/cache/tag-clock.ts); tests pass their own. */
export type TagChanges = { now(): number; vouches(): boolean; anythingChangedSince(time: number): boolean };

const tagClock: TagChanges = { now: clockNow, vouches: clockVouches, anythingChangedSince };

const TTL_MS = 5 * 60_000;
// Larger pages are passed through: none of the site's pages comes near it.
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
// Request headers that make an answer other than the anonymous HTML page.
// (The Cookie header is the session's: readers' pages are keyed by their variant instead.)
const BYPASS_HEADERS = [
  "authorization",
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "range",
  "if-none-match",
  "if-modified-since",
];
// Response headers that belong to one response, not to the page.
const UNSTORED_HEADERS = new Set([
  "date",
  "x-request-id",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "set-cookie",
  // Chosen per request by compress-response.ts, for the client that asked.
  "content-encoding",
]);
const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=_-]+)'/;
const deflateRawAsync = promisify(deflateRaw);

/**
 * What a request's page is stored under, or null when it must go to Next.js:
 * every request header a page or proxy.ts reads is part of the key, and the
 * kind of crawler the User-Agent names (lib/http/crawlers.ts: Next.js renders
 * a page's metadata into the head for crawlers that run no script, and may
 * stream it later for browsers).
 */
export function pageCacheKey(request: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (request.headers.cookie !== undefined) return null;
  const url = request.url ?? "/";
  if (!isPublicPage(url.split("?")[0] ?? "/")) return null;
  return requestKey(request);
}

/**
 * The key of a signed-in reader's article page (reader-pages.ts): the
 * request's as for an anonymous page, and the reader's variant, which is all
 * of the reader the page depends on.
 */
export function readerPageKey(
  request: Pick<IncomingMessage, "method" | "url" | "headers">,
  variant: string,
): string | null {
  const key = requestKey(request);
  return key === null ? null : JSON.stringify([key, variant]);
}

/** Whether a request asks for a page as a browser loads it (not a router fetch, a range, a revalidation). */
export function asksForWholePage(request: Pick<IncomingMessage, "method" | "headers">): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  return !BYPASS_HEADERS.some((name) => request.headers[name] !== undefined);
}

function requestKey(request: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (!asksForWholePage(request)) return null;
  // A gift link's page is one browser's (lib/gifts/gift-for-page.ts): never
  // answered from, nor kept in, the cache, whatever was stored under its address.
  if (carriesGiftParams(request.url ?? "/")) return null;
  const headers = request.headers;
  return JSON.stringify([
    headers.host ?? "",
    headers["x-forwarded-proto"] ?? "",
    headers["x-forwarded-host"] ?? "",
    crawlerKind(headers["user-agent"]),
    request.url ?? "/",
  ]);
}

/** The body split at every occurrence of the nonce. */
export function splitAtNonce(body: Buffer, nonce: string | null): Buffer[] {
  if (!nonce) return [body];
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

export function joinAroundNonce(parts: Buffer[], nonce: string): Buffer {
  return Buffer.concat(interleave(parts, Buffer.from(nonce)));
}

/** What the cache needs of a signed-in reader's article request (reader-pages.ts); null: Next.js answers. */
export type ReaderPages = (request: IncomingMessage) => Promise<{ variant: string } | null>;

/**
 * Whether a request's pages are its browser's alone whatever its cookies say:
 * the client's address is in a running organisation's IP range
 * (lib/organisations/address-organisations.ts), so the article reads whole
 * for it and for nobody else. Such a request is neither served from the
 * cache nor kept in it, anonymous or signed in: the key of neither cache
 * holds the address.
 */
export type PrivateRequests = (request: IncomingMessage) => Promise<boolean>;

export function pageCache({
  maxBytes,
  tagChanges = tagClock,
  readerPages,
  privateRequests,
}: {
  maxBytes: number;
  tagChanges?: TagChanges;
  readerPages?: ReaderPages;
  privateRequests?: PrivateRequests;
}) {
  const pages = new LRUCache<string, StoredPage>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (page) => Math.max(1, page.deflated.length),
    ttl: TTL_MS,
  });
  // Renders under way, so that a burst for one page waits for one render.
  const rendering = new Map<string, Promise<StoredPage | null>>();

  function fresh(key: string): StoredPage | null {
    const page = pages.get(key);
    if (!page) return null;
    if (tagChanges.anythingChangedSince(page.renderedAt)) {
      pages.delete(key);
      return null;
    }
    return page;
  }

  /** The page another request is rendering now, once it is done (if storable and still fresh). */
  async function renderedMeanwhile(key: string): Promise<StoredPage | null> {
    const page = await rendering.get(key);
    return page && !tagChanges.anythingChangedSince(page.renderedAt) ? page : null;
  }

  /** The key and the test a render must pass to be kept under it; null: not for the cache. */
  async function keyOf(request: IncomingMessage, context: RequestContext): Promise<Storing | null> {
    const anonymous = pageCacheKey(request);
    if (anonymous) return { key: anonymous, keeps: isPublicAnswer };
    if (!readerPages || request.headers.cookie === undefined || !asksForWholePage(request)) return null;
    const reader = await readerPages(request);
    const key = reader && readerPageKey(request, reader.variant);
    if (!reader || !key) return null;
    // Kept only when the page rendered the variant the server decided on:
    // a reader whose facts changed in between gets their page, unkept.
    return {
      key,
      keeps: (response) =>
        !response.hasHeader("set-cookie") && context.pageVariant === reader.variant && !context.privatePage,
    };
  }

  /**
   * Answers the request from the cache, or passes it to `render` (Next.js)
   * and keeps the page when it may be kept: an anonymous page the policy
   * made public, or a signed-in reader's article page of the variant
   * expected. `context` is the request's (lib/observability/request-context.ts),
   * where the page declares its variant.
   */
  async function handle(
    request: IncomingMessage,
    response: ServerResponse,
    render: () => void,
    context: RequestContext = { requestId: "", databaseUnavailable: false },
  ): Promise<void> {
    // While the tag clock cannot vouch (before the listener has caught up, or
    // with PostgreSQL away) nothing is served from here or stored.
    if (maxBytes <= 0 || !tagChanges.vouches()) return render();
    // Unsure (PostgreSQL unreachable for the ranges): rendered, as for a reader.
    if (privateRequests && (await privateRequests(request).catch(() => true))) return render();
    let storing: Storing | null;
    try {
      storing = await keyOf(request, context);
    } catch {
      // PostgreSQL unreachable for the reader's facts: Next.js answers (a 503 page).
      storing = null;
    }
    if (!storing) return render();
    const { key, keeps } = storing;
    const page = fresh(key) ?? (await renderedMeanwhile(key));
    if (page) {
      if (page.articleView) context.articleView = page.articleView;
      return send(page, request, response);
    }
    if (request.method !== "GET" || rendering.has(key)) return render();

    response.setHeader("X-Folio-Page-Cache", "miss");
    const rendered = capture(response, tagChanges.now(), keeps, context);
    rendering.set(key, rendered);
    void rendered.then((stored) => {
      rendering.delete(key);
      if (stored) pages.set(key, stored);
    });
    render();
  }

  return { handle };
}

type Storing = { key: string; keeps: (response: ServerResponse) => boolean };

/** An anonymous page may be kept when the site's policy made it public and it sets no cookie. */
function isPublicAnswer(response: ServerResponse): boolean {
  return response.getHeader("cache-control") === PUBLIC_PAGE && !response.hasHeader("set-cookie");
}

/** Collects what Next.js writes; the page, when the response turns out storable. */
function capture(
  response: ServerResponse,
  renderedAt: number,
  keeps: (response: ServerResponse) => boolean,
  context: RequestContext,
): Promise<StoredPage | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (size > MAX_PAGE_BYTES) return;
    const buffer = writtenChunk(chunk, encoding);
    if (!buffer) return;
    size += buffer.length;
    chunks.push(Buffer.from(buffer));
  };
  const write = response.write;
  const end = response.end;
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    collect(args[0], args[1]);
    return (write as (...rest: unknown[]) => boolean).apply(this, args);
  } as ServerResponse["write"];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    collect(args[0], args[1]);
    return (end as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["end"];

  return new Promise((resolve) => {
    response.once("close", () => {
      const storable =
        response.writableFinished &&
        response.statusCode === 200 &&
        keeps(response) &&
        // Encoded by Next.js or a route, the bytes seen here would be encoded too.
        (!response.hasHeader("content-encoding") || compressedHere(response)) &&
        size <= MAX_PAGE_BYTES;
      if (!storable) return resolve(null);
      const nonce = NONCE_IN_POLICY.exec(String(response.getHeader("content-security-policy") ?? ""))?.[1] ?? null;
      const headers: StoredPage["headers"] = [];
      for (const [name, value] of Object.entries(response.getHeaders())) {
        if (value === undefined || UNSTORED_HEADERS.has(name)) continue;
        const text = Array.isArray(value) ? value.map(String) : String(value);
        headers.push([name, nonce ? replaceNonce(text, nonce, NONCE_PLACEHOLDER) : text]);
      }
      const parts = splitAtNonce(Buffer.concat(chunks), nonce);
      deflateRawAsync(Buffer.concat(parts)).then(
        (deflated) =>
          resolve({
            headers,
            deflated,
            partLengths: parts.map((part) => part.length),
            renderedAt,
            articleView: context.articleView,
          }),
        () => resolve(null),
      );
    });
  });
}

// Stands for the nonce in stored headers (the CSP); never a base64 character.
const NONCE_PLACEHOLDER = "\u0000nonce\u0000";

function replaceNonce<T extends string | string[]>(value: T, from: string, to: string): T {
  return (Array.isArray(value) ? value.map((item) => item.replaceAll(from, to)) : value.replaceAll(from, to)) as T;
}

function send(page: StoredPage, request: IncomingMessage, response: ServerResponse): void {
  const nonce = newNonce();
  // The inflated pieces are written as they are, around the nonce, with no
  // further copy of the page.
  const body = interleave(storedParts(page), Buffer.from(nonce));
  response.statusCode = 200;
  for (const [name, value] of page.headers) response.setHeader(name, replaceNonce(value, NONCE_PLACEHOLDER, nonce));
  response.setHeader(
    "Content-Length",
    body.reduce((sum, chunk) => sum + chunk.length, 0),
  );
  response.setHeader("X-Folio-Page-Cache", "hit");
  if (request.method === "HEAD") return void response.end();
  // Corked, the chunks go out in one write. Uncorked before end(): when
  // compress-response.ts encodes the page, end() only ends its compressor,
  // and the encoded bytes it writes later would wait behind the cork for a
  // drain that never comes once they fill the socket's buffer.
  response.cork();
  for (const chunk of body) response.write(chunk);
  response.uncork();
  response.end();
}

/** The stored body, inflated, in its pieces between nonces (views of one buffer, no copies). */
function storedParts(page: StoredPage): Buffer[] {
  const body = inflateRawSync(page.deflated);
  let from = 0;
  return page.partLengths.map((length) => body.subarray(from, (from += length)));
}

function interleave(parts: Buffer[], glue: Buffer): Buffer[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [glue, part]));
}
