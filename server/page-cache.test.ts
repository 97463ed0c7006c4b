import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { PRIVATE, PUBLIC_PAGE } from "@/lib/http/cache-policy";
import { newNonce } from "@/lib/http/security-headers";
import { applyCachePolicy } from "./apply-cache-policy";
import { compressResponse } from "./compress-response";
import type { RequestContext } from "@/lib/observability/request-context";
import {
  joinAroundNonce,
  pageCache,
  pageCacheKey,
  splitAtNonce,
  type PrivateRequests,
  type ReaderPages,
} from "./page-cache";

let server: Server | undefined;

afterEach(() => {
  server?.close();
  server = undefined;
});

type App = (request: IncomingMessage, response: ServerResponse) => void;

/** A page that carries its nonce where Next.js puts it: the CSP header, script tags and the flight data. */
const nextLikePage: App = (request, response) => {
  const nonce = newNonce();
  response.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.write(`<!DOCTYPE html><html><head><script nonce="${nonce}">boot()</script></head>`);
  response.end(
    `<body><main>Page ${request.url} with "accept-encoding: ${request.headers["accept-encoding"] ?? "none"}"</main><p>${"Worth compressing. ".repeat(80)}</p><script nonce="${nonce}">self.push(["${nonce}"])</script></body></html>`,
  );
};

/** The web server of server/main.ts in small: compression, the policy, then the page cache in front of the app. */
async function serve(
  app: App,
  options: {
    changed?: () => boolean;
    vouches?: () => boolean;
    maxBytes?: number;
    readerPages?: ReaderPages;
    privateRequests?: PrivateRequests;
    /** The variant the app's page declares for a request (the page's own decision). */
    declares?: (request: IncomingMessage) => string | undefined;
  } = {},
) {
  let renders = 0;
  const pages = pageCache({
    maxBytes: options.maxBytes ?? 1024 * 1024,
    readerPages: options.readerPages,
    privateRequests: options.privateRequests,
    tagChanges: {
      now: () => performance.now(),
      vouches: () => options.vouches?.() ?? true,
      anythingChangedSince: () => !(options.vouches?.() ?? true) || (options.changed?.() ?? false),
    },
  });
  server = createServer((request, response) => {
    compressResponse(request, response);
    applyCachePolicy(request, response);
    const context: RequestContext = { requestId: "test", databaseUnavailable: false };
    const render = () => {
      renders += 1;
      context.pageVariant = options.declares?.(request);
      app(request, response);
    };
    void pages.handle(request, response, render, context);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { origin, renders: () => renders };
}

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("pageCacheKey", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({
    method,
    url,
    headers: { host: "folio.test", ...headers },
  });

  it("keys a cookie-less GET or HEAD of a public page by host, forwarded protocol and host, and the address", () => {
    expect(pageCacheKey(request("/articles/a"))).toBe(pageCacheKey(request("/articles/a", {}, "HEAD")));
    expect(pageCacheKey(request("/articles/a"))).not.toBe(pageCacheKey(request("/articles/b")));
    expect(pageCacheKey(request("/articles/a"))).not.toBe(pageCacheKey(request("/articles/a?x=1")));
    expect(pageCacheKey(request("/articles/a"))).not.toBe(pageCacheKey(request("/articles/a", { host: "evil.test" })));
    expect(pageCacheKey(request("/articles/a"))).not.toBe(
      pageCacheKey(request("/articles/a", { "x-forwarded-proto": "https" })),
    );
    expect(pageCacheKey(request("/"))).not.toBeNull();
  });

  it("keeps crawlers' pages apart from browsers', as Next.js renders them apart", () => {
    const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    const bingbot = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
    const googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    const key = (userAgent: string) => pageCacheKey(request("/articles/a", { "user-agent": userAgent }));
    expect(key(chrome)).toBe(key(firefox));
    expect(key(chrome)).toBe(pageCacheKey(request("/articles/a")));
    expect(new Set([key(chrome), key(bingbot), key(googlebot)]).size).toBe(3);
  });

  it("passes by everything that may depend on the reader or is not a page", () => {
    expect(pageCacheKey(request("/articles/a", { cookie: "x=1" }))).toBeNull();
    expect(pageCacheKey(request("/articles/a", { cookie: "" }))).toBeNull();
    expect(pageCacheKey(request("/articles/a", { authorization: "Bearer x" }))).toBeNull();
    expect(pageCacheKey(request("/articles/a", { rsc: "1" }))).toBeNull();
    expect(pageCacheKey(request("/articles/a", { "next-router-prefetch": "1" }))).toBeNull();
    expect(pageCacheKey(request("/articles/a", {}, "POST"))).toBeNull();
    expect(pageCacheKey(request("/account"))).toBeNull();
    // A search without a cookie is a public page too (lib/http/cache-policy.ts).
    expect(pageCacheKey(request("/search?q=x"))).not.toBeNull();
    expect(pageCacheKey(request("/api/me"))).toBeNull();
  });

  it("passes by a gift link's page, whatever its token (lib/gifts/gift-for-page.ts)", () => {
    expect(pageCacheKey(request("/articles/a?gift=x"))).toBeNull();
    expect(pageCacheKey(request("/articles/a?utm_source=x&gift="))).toBeNull();
    expect(pageCacheKey(request("/articles/a?gift-sent=x"))).toBeNull();
    expect(pageCacheKey(request("/articles/a?giftx=1"))).not.toBeNull();
  });
});

describe("splitAtNonce and joinAroundNonce", () => {
  it("put the page back together around another nonce, everywhere the old one was", () => {
    const body = Buffer.from('<script nonce="abc+/=">x</script>["abc+/="]');
    const parts = splitAtNonce(body, "abc+/=");
    expect(parts).toHaveLength(3);
    expect(joinAroundNonce(parts, "abc+/=").equals(body)).toBe(true);
    expect(joinAroundNonce(parts, "NEW").toString()).toBe('<script nonce="NEW">x</script>["NEW"]');
    expect(splitAtNonce(body, null)).toEqual([body]);
  });
});

describe("pageCache", () => {
  it("renders an anonymous page once, then serves it with a fresh nonce in the header and the body", async () => {
    const { origin, renders } = await serve(nextLikePage);
    const first = await fetch(`${origin}/articles/a`, { headers: { "accept-encoding": "identity" } });
    const firstBody = await first.text();
    expect(first.headers.get("x-folio-page-cache")).toBe("miss");
    const second = await fetch(`${origin}/articles/a`, { headers: { "accept-encoding": "identity" } });
    const secondBody = await second.text();
    expect(second.headers.get("x-folio-page-cache")).toBe("hit");
    expect(renders()).toBe(1);
    expect(second.headers.get("cache-control")).toBe(PUBLIC_PAGE);

    const [oldNonce, newNonce] = [nonceOf(first)!, nonceOf(second)!];
    expect(newNonce).not.toBe(oldNonce);
    expect(secondBody).not.toContain(oldNonce);
    expect(secondBody.split(newNonce)).toHaveLength(4);
    expect(secondBody.replaceAll(newNonce, oldNonce)).toBe(firstBody);
    expect(Number(second.headers.get("content-length"))).toBe(Buffer.byteLength(secondBody));
  });

  it("compresses the render that fills the cache and every hit as the client asks, and answers HEAD with the headers alone", async () => {
    const { origin, renders } = await serve(nextLikePage);
    const raw = (acceptEncoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        get(`${origin}/articles/a`, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    // Before, the render that filled the cache went out uncompressed.
    const miss = await raw("br, gzip");
    expect(miss.headers["x-folio-page-cache"]).toBe("miss");
    expect(miss.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(miss.body).toString()).toContain("<main>Page /articles/a");
    const hit = await raw("br, gzip");
    expect(hit.headers["x-folio-page-cache"]).toBe("hit");
    expect(hit.headers["content-encoding"]).toBe("br");
    const gzipped = await raw("gzip, deflate");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(gunzipSync(gzipped.body).toString()).toContain("<main>Page /articles/a");
    const plain = await raw("identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toContain("<main>Page /articles/a");
    const head = await fetch(`${origin}/articles/a`, { method: "HEAD" });
    expect(head.headers.get("x-folio-page-cache")).toBe("hit");
    expect(await head.text()).toBe("");
    expect(renders()).toBe(1);
  });

  it("renders again once the tag clock says something changed since the render began", async () => {
    let changed = false;
    const { origin, renders } = await serve(nextLikePage, { changed: () => changed });
    await (await fetch(`${origin}/articles/a`)).text();
    await (await fetch(`${origin}/articles/a`)).text();
    expect(renders()).toBe(1);
    changed = true;
    const after = await fetch(`${origin}/articles/a`);
    await after.text();
    expect(after.headers.get("x-folio-page-cache")).toBe("miss");
    expect(renders()).toBe(2);
  });

  it("neither serves nor keeps a page while the tag clock cannot vouch (PostgreSQL away)", async () => {
    let vouches = false;
    const { origin, renders } = await serve(nextLikePage, { vouches: () => vouches });
    for (let index = 0; index < 2; index++) {
      const response = await fetch(`${origin}/articles/a`);
      await response.text();
      expect(response.headers.get("x-folio-page-cache")).toBeNull();
    }
    expect(renders()).toBe(2);
    vouches = true;
    await (await fetch(`${origin}/articles/a`)).text();
    const hit = await fetch(`${origin}/articles/a`);
    await hit.text();
    expect(hit.headers.get("x-folio-page-cache")).toBe("hit");
    expect(renders()).toBe(3);
  });

  it("never keeps a page for a reader, one that sets a cookie, a failure or a private page", async () => {
    const setsCookie: App = (request, response) => {
      response.setHeader("Set-Cookie", "session=secret");
      nextLikePage(request, response);
    };
    const { origin, renders } = await serve((request, response) => {
      if (request.url === "/articles/cookie") return setsCookie(request, response);
      if (request.url === "/articles/missing") response.statusCode = 404;
      nextLikePage(request, response);
    });
    const twice = async (path: string, headers: Record<string, string> = {}) => {
      for (let round = 0; round < 2; round += 1) {
        const response = await fetch(`${origin}${path}`, { headers });
        await response.text();
        if (round === 1) expect(response.headers.get("cache-control")).toBe(PRIVATE);
      }
    };
    await twice("/articles/a", { cookie: "session=reader" });
    await twice("/articles/cookie");
    await twice("/articles/missing");
    await twice("/account");
    expect(renders()).toBe(8);
  });

  it("serves a hit whose compressed body is larger than the socket's buffer, in every encoding", async () => {
    // Random text compresses to about three quarters of its size: far more
    // than the 16 KB a socket takes before it asks the writer to wait.
    const text = randomBytes(48 * 1024).toString("base64");
    const bigPage: App = (request, response) => {
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(`<main>${text}</main>`);
    };
    const { origin, renders } = await serve(bigPage);
    const raw = (acceptEncoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const request = get(
          `${origin}/search?q=all`,
          { headers: { "accept-encoding": acceptEncoding } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
          },
        );
        request.on("error", reject);
        request.setTimeout(5_000, () => request.destroy(new Error(`no answer for ${acceptEncoding}`)));
      });
    await raw("identity");
    const gzipped = await raw("gzip");
    expect(gzipped.headers["x-folio-page-cache"]).toBe("hit");
    expect(gzipped.body.length).toBeGreaterThan(32 * 1024);
    expect(gunzipSync(gzipped.body).toString()).toBe(`<main>${text}</main>`);
    const brotli = await raw("br");
    expect(brotliDecompressSync(brotli.body).toString()).toBe(`<main>${text}</main>`);
    expect((await raw("identity")).body.toString()).toBe(`<main>${text}</main>`);
    expect(renders()).toBe(1);
  });

  it("keeps pages deflated: twenty 60 KB articles fit in 256 KB, and come back whole", async () => {
    const paragraph = (url: string, index: number) =>
      `<p>Paragraph ${index} of ${url}: the ministry's figures for the quarter were revised again.</p>`;
    const articlePage: App = (request, response) => {
      const nonce = newNonce();
      response.setHeader("Content-Security-Policy", `script-src 'nonce-${nonce}'`);
      const text = Array.from({ length: 600 }, (_, index) => paragraph(request.url!, index)).join("");
      response.end(`<script nonce="${nonce}">boot()</script><main>${text}</main>`);
    };
    const { origin, renders } = await serve(articlePage, { maxBytes: 256 * 1024 });
    const urls = Array.from({ length: 20 }, (_, index) => `${origin}/articles/story-${index}`);
    const first = await Promise.all(urls.map((url) => fetch(url).then((response) => response.text())));
    expect(first[0]!.length).toBeGreaterThan(60_000);
    const again = await Promise.all(urls.map((url) => fetch(url)));
    expect(again.map((response) => response.headers.get("x-folio-page-cache"))).toEqual(urls.map(() => "hit"));
    expect(renders()).toBe(20);
    for (const [index, response] of again.entries()) {
      const body = await response.text();
      expect(body.replace(nonceOf(response)!, "")).toBe(first[index]!.replace(/nonce="[^"]+"/, 'nonce=""'));
    }
  });

  it("a burst of readers for one page waits for a single render", async () => {
    const { origin, renders } = await serve((request, response) =>
      setTimeout(() => nextLikePage(request, response), 200),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${origin}/articles/burst`).then((response) => response.text())),
    );
    expect(answers.every((body) => body.includes("<main>Page /articles/burst"))).toBe(true);
    expect(renders()).toBe(1);
  });
});

describe("pageCache, a client address an organisation admits", () => {
  // As server/main.ts asks lib/organisations: the trusted client address is in X-Forwarded-For.
  const privateRequests: PrivateRequests = async (request) => request.headers["x-forwarded-for"] === "192.0.2.7";
  const from = (origin: string, address: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}/articles/a`, {
      headers: { "x-forwarded-for": address, "accept-encoding": "identity", ...headers },
    });

  it("neither serves that address a kept page nor keeps its page, anonymous or signed in", async () => {
    const { origin, renders } = await serve(nextLikePage, {
      privateRequests,
      readerPages: async () => ({ variant: "free, 3 left" }),
      declares: () => "free, 3 left",
    });
    // Another address fills the cache, anonymous and signed in.
    await (await from(origin, "198.51.100.1")).text();
    await (await from(origin, "198.51.100.1", { cookie: "s=ann" })).text();
    expect(renders()).toBe(2);
    for (const headers of [{}, { cookie: "s=bob" }] as Record<string, string>[]) {
      const admitted = await from(origin, "192.0.2.7", headers);
      await admitted.text();
      expect(admitted.headers.get("x-folio-page-cache"), JSON.stringify(headers)).toBeNull();
    }
    expect(renders()).toBe(4);
    // What the admitted address got was not kept: other addresses still get the kept pages.
    for (const headers of [{}, { cookie: "s=cat" }] as Record<string, string>[]) {
      const other = await from(origin, "198.51.100.2", headers);
      await other.text();
      expect(other.headers.get("x-folio-page-cache")).toBe("hit");
    }
    expect(renders()).toBe(4);
  });

  it("renders when the ranges cannot be read", async () => {
    const { origin, renders } = await serve(nextLikePage, {
      privateRequests: () => Promise.reject(new Error("connection refused")),
    });
    for (let round = 0; round < 2; round++) {
      const response = await from(origin, "198.51.100.3");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-folio-page-cache")).toBeNull();
      await response.text();
    }
    expect(renders()).toBe(2);
  });
});

describe("pageCache, signed-in readers' pages", () => {
  // Sessions and their readers' variants, as reader-pages.ts would decide them.
  const variants: Record<string, string> = { "s=ann": "subscriber", "s=bob": "subscriber", "s=cat": "free, 2 left" };
  const readerPages: ReaderPages = async (request) => {
    const variant = variants[request.headers.cookie ?? ""];
    return variant ? { variant } : null;
  };
  const asReader = (origin: string, path: string, cookie: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}${path}`, { headers: { cookie, "accept-encoding": "identity", ...headers } });

  it("answers a reader with the page rendered for an earlier reader of the same variant, privately", async () => {
    const { origin, renders } = await serve(nextLikePage, {
      readerPages,
      declares: (request) => variants[request.headers.cookie ?? ""],
    });
    const ann = await asReader(origin, "/articles/a", "s=ann");
    const annBody = await ann.text();
    expect(ann.headers.get("x-folio-page-cache")).toBe("miss");
    const bob = await asReader(origin, "/articles/a", "s=bob");
    const bobBody = await bob.text();
    expect(bob.headers.get("x-folio-page-cache")).toBe("hit");
    expect(bob.headers.get("cache-control")).toBe(PRIVATE);
    expect(bobBody.replaceAll(nonceOf(bob)!, nonceOf(ann)!)).toBe(annBody);
    expect(renders()).toBe(1);

    // Another variant, another article, a request without a session: rendered.
    await (await asReader(origin, "/articles/a", "s=cat")).text();
    await (await asReader(origin, "/articles/b", "s=ann")).text();
    const stranger = await asReader(origin, "/articles/a", "s=nobody");
    await stranger.text();
    expect(stranger.headers.get("x-folio-page-cache")).toBeNull();
    expect(renders()).toBe(4);
    // Not an anonymous reader's page either.
    const anonymous = await fetch(`${origin}/articles/a`);
    await anonymous.text();
    expect(anonymous.headers.get("x-folio-page-cache")).toBe("miss");
  });

  it("keeps no render whose page declared another variant than the server decided on", async () => {
    // The reader's facts changed between the server's read and the page's.
    const { origin, renders } = await serve(nextLikePage, { readerPages, declares: () => "free, 1 left" });
    for (let round = 0; round < 3; round++) await (await asReader(origin, "/articles/a", "s=cat")).text();
    expect(renders()).toBe(3);
    // Nor one that declared none (a page that is not an article page's).
    const silent = await serve(nextLikePage, { readerPages, declares: () => undefined });
    for (let round = 0; round < 2; round++) await (await asReader(silent.origin, "/articles/a", "s=ann")).text();
    expect(silent.renders()).toBe(2);
  });

  it("passes a router request, a revalidation, a cookie-setting answer and an unreachable database to Next.js", async () => {
    const setsCookie: App = (request, response) => {
      if (request.url === "/articles/cookie") response.setHeader("Set-Cookie", "notice=1");
      nextLikePage(request, response);
    };
    const { origin, renders } = await serve(setsCookie, {
      readerPages,
      declares: (request) => variants[request.headers.cookie ?? ""],
    });
    for (let round = 0; round < 2; round++) {
      await (await asReader(origin, "/articles/a", "s=ann", { rsc: "1" })).text();
      await (await asReader(origin, "/articles/a", "s=ann", { "if-none-match": '"x"' })).text();
      await (await asReader(origin, "/articles/cookie", "s=ann")).text();
    }
    expect(renders()).toBe(6);
    const failing = await serve(nextLikePage, {
      readerPages: () => Promise.reject(new Error("connection refused")),
      declares: () => "subscriber",
    });
    for (let round = 0; round < 2; round++) {
      const response = await asReader(failing.origin, "/articles/a", "s=ann");
      expect(response.status).toBe(200);
      await response.text();
    }
    expect(failing.renders()).toBe(2);
  });
});
