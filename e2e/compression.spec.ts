// Every compressible response leaves compressed, Brotli or gzip as the client
// asks: a page rendered for the first time (a miss of the whole-page cache,
// which every page is after each newsroom change), the same page from the
// cache, JSON and XML. Read as raw bytes over plain HTTP: what goes over the
// wire, not what a browser shows after decoding.
import { randomBytes } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

type Raw = { status: number; headers: IncomingHttpHeaders; body: Buffer };

function get(url: string, headers: Record<string, string>, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

function decoded(response: Raw): string {
  const encoding = response.headers["content-encoding"];
  if (encoding === "br") return brotliDecompressSync(response.body).toString();
  if (encoding === "gzip") return gunzipSync(response.body).toString();
  return response.body.toString();
}

test("the home page is compressed on a page-cache miss and on a hit, Brotli or gzip as asked", async ({ baseURL }) => {
  // A query string of its own: a page the cache has never seen.
  const url = `${baseURL}/?compression=${randomBytes(6).toString("hex")}`;
  const miss = await get(url, { "accept-encoding": "br, gzip" });
  expect(miss.status).toBe(200);
  expect(miss.headers["x-folio-page-cache"]).toBe("miss");
  expect(miss.headers["content-encoding"]).toBe("br");
  expect(miss.headers["vary"]).toMatch(/accept-encoding/i);
  const html = decoded(miss);
  expect(html).toContain("</html>");
  console.log(`home page on a miss: ${miss.body.length} bytes (Brotli), ${Buffer.byteLength(html)} decoded`);
  expect(miss.body.length).toBeLessThan(Buffer.byteLength(html) / 4);

  // A newsroom change in a test running beside this one empties the cache
  // (every page is a miss after it): ask again until the page is kept.
  let hit: Raw | undefined;
  await expect
    .poll(async () => {
      hit = await get(url, { "accept-encoding": "br, gzip" });
      return hit.headers["x-folio-page-cache"];
    })
    .toBe("hit");
  expect(hit!.headers["content-encoding"]).toBe("br");
  expect(decoded(hit!)).toContain("</html>");

  const gzipped = await get(url, { "accept-encoding": "gzip" });
  expect(gzipped.headers["content-encoding"]).toBe("gzip");
  expect(decoded(gzipped)).toContain("</html>");

  const plain = await get(url, {});
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString()).toContain("</html>");

  const head = await get(url, { "accept-encoding": "br, gzip" }, "HEAD");
  expect(head.status).toBe(200);
  expect(head.headers["content-encoding"]).toBeUndefined();
  expect(head.body.length).toBe(0);
});

test("a gzip-only client gets a page-cache miss gzipped", async ({ baseURL }) => {
  const miss = await get(`${baseURL}/archive?compression=${randomBytes(6).toString("hex")}`, {
    "accept-encoding": "gzip, deflate",
  });
  expect(miss.headers["x-folio-page-cache"]).toBe("miss");
  expect(miss.headers["content-encoding"]).toBe("gzip");
  expect(decoded(miss)).toContain("</html>");
});

test("JSON, XML, scripts and styles are compressed", async ({ baseURL, request }) => {
  const sitemap = await get(`${baseURL}/sitemap.xml`, { "accept-encoding": "br, gzip" });
  expect(sitemap.headers["content-type"]).toMatch(/xml/);
  expect(sitemap.headers["content-encoding"]).toBe("br");
  expect(decoded(sitemap)).toContain("<urlset");

  const feed = await get(`${baseURL}/feed.xml`, { "accept-encoding": "gzip" });
  expect(feed.headers["content-encoding"]).toBe("gzip");
  expect(decoded(feed)).toContain("<rss");

  const search = await get(`${baseURL}/api/search?q=tanker`, { "accept-encoding": "br" });
  expect(search.headers["content-type"]).toMatch(/json/);
  expect(search.headers["content-encoding"]).toBe("br");
  expect(() => JSON.parse(decoded(search))).not.toThrow();

  // The build's own files, named in the page (the search page keeps its scripts).
  const html = await (await request.get("/search?q=tanker")).text();
  for (const asset of [/\/_next\/static\/[^"]+\.js/, /\/_next\/static\/[^"]+\.css/]) {
    const path = asset.exec(html)?.[0];
    expect(path, `a ${asset} in the search page`).toBeDefined();
    const file = await get(`${baseURL}${path}`, { "accept-encoding": "br, gzip" });
    expect(file.status).toBe(200);
    expect(file.headers["content-encoding"], path).toBe("br");
  }
});
