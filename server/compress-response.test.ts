import { once } from "node:events";
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createBrotliDecompress, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { compressResponse, isCompressible, preferredEncoding } from "./compress-response";

let server: Server | undefined;

afterEach(() => {
  server?.close();
  server = undefined;
});

type App = (request: IncomingMessage, response: ServerResponse) => void;
type Raw = { status: number; headers: IncomingMessage["headers"]; body: Buffer };

async function serve(app: App): Promise<string> {
  server = createServer((request, response) => {
    compressResponse(request, response);
    app(request, response);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

function fetchRaw(url: string, acceptEncoding: string, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(url, { method, headers: { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on("error", reject);
  });
}

const PAGE = `<!DOCTYPE html><html><body>${"<p>A paragraph worth compressing.</p>".repeat(100)}</body></html>`;

/** Headers given to writeHead itself, as Next.js gives some. */
const answer =
  (headers: Record<string, string>, body: string | null = PAGE, status = 200): App =>
  (_request, response) => {
    response.writeHead(status, headers);
    response.end(body ?? undefined);
  };

/** Headers set one by one, the body whole in end(): its length is known before the headers go. */
const endWith =
  (contentType: string, body: string): App =>
  (_request, response) => {
    response.setHeader("Content-Type", contentType);
    response.end(body);
  };

describe("preferredEncoding", () => {
  it.each([
    ["br, gzip", "br"],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["gzip;q=1, br;q=0.5", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["*", "br"],
    ["identity", null],
    ["", null],
    [undefined, null],
    ["gzip;q=0, br;q=0", null],
    ["deflate", null],
  ])("%s → %s", (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe("isCompressible", () => {
  it.each([
    ["text/html; charset=utf-8", true],
    ["application/json", true],
    ["application/rss+xml; charset=utf-8", true],
    ["application/xml", true],
    ["application/javascript; charset=UTF-8", true],
    ["text/css", true],
    ["image/svg+xml", true],
    ["application/manifest+json", true],
    ["text/event-stream", false],
    ["image/webp", false],
    ["application/octet-stream", false],
    [undefined, false],
  ])("%s → %s", (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });
});

describe("compressResponse", () => {
  it("compresses a body given whole to end()", async () => {
    const origin = await serve(endWith("application/json", JSON.stringify({ page: PAGE })));
    const response = await fetchRaw(origin, "gzip");
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(response.body).toString())).toEqual({ page: PAGE });
  });

  it("compresses HTML with Brotli or gzip as asked, and says it varies by Accept-Encoding", async () => {
    const origin = await serve(answer({ "Content-Type": "text/html; charset=utf-8" }));
    const br = await fetchRaw(origin, "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-length"]).toBeUndefined();
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.body.length).toBeLessThan(PAGE.length / 10);
    const gzip = await fetchRaw(origin, "gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(PAGE);
    const plain = await fetchRaw(origin, "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.body.toString()).toBe(PAGE);
  });

  it("leaves alone what is small, not text, already encoded, an event stream, a 304, a HEAD or marked no-transform", async () => {
    const cases: [App, string?][] = [
      [endWith("text/html", "<p>tiny</p>")],
      [answer({ "Content-Type": "text/html", "Content-Length": "11" }, "<p>tiny</p>")],
      [answer({ "Content-Type": "image/webp" })],
      [answer({ "Content-Type": "text/html", "Content-Encoding": "identity" })],
      [answer({ "Content-Type": "text/event-stream" })],
      [answer({ "Content-Type": "text/html" }, null, 304)],
      [answer({ "Content-Type": "text/html", "Cache-Control": "no-transform" })],
      [answer({ "Content-Type": "text/html" }), "HEAD"],
    ];
    for (const [app, method] of cases) {
      const origin = await serve(app);
      const response = await fetchRaw(origin, "br, gzip", method);
      expect(response.headers["content-encoding"] ?? "none", JSON.stringify(response.headers)).not.toMatch(/br|gzip/);
      server?.close();
    }
  });

  it("keeps a streamed page streaming: what is flushed reaches the client before the page ends", async () => {
    let reachedClient: () => void = () => {};
    const seen = new Promise<void>((resolve) => (reachedClient = resolve));
    const origin = await serve((_request, response) => {
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.write("<!DOCTYPE html><html><body><p>The shell</p>");
      // What Next.js does after each piece of a streamed page.
      (response as ServerResponse & { flush(): void }).flush();
      // The rest is written only once the client has decoded the shell.
      void seen.then(() => response.end(`${"<p>Streamed later</p>".repeat(100)}</body></html>`));
    });
    const text = await new Promise<string>((resolve, reject) => {
      get(origin, { headers: { "accept-encoding": "br" } }, (response) => {
        expect(response.headers["content-encoding"]).toBe("br");
        let decoded = "";
        const decoder = response.pipe(createBrotliDecompress());
        decoder.on("data", (chunk: Buffer) => {
          decoded += chunk.toString();
          if (decoded.includes("The shell")) reachedClient();
        });
        decoder.on("end", () => resolve(decoded));
        decoder.on("error", reject);
      }).on("error", reject);
    });
    expect(text).toContain("Streamed later</p></body></html>");
  });
});
