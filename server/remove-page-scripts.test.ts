import { once } from "node:events";
import { createServer, get, type Server, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/observability/request-context";
import { removePageScripts, removeScriptsWhenAsked } from "./remove-page-scripts";

// A page as Next.js writes it (abridged): scripts in the head and at the end,
// a preload hint, the flight data, and the article's structured data.
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="n1"/>',
  '<link rel="preload" as="script" fetchPriority="low" nonce="n1" href="/_next/static/chunks/b.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
  '<script src="/_next/static/chunks/c.js" async="" nonce="n1"></script>',
  '<script src="/_next/static/chunks/p.js" noModule="" nonce="n1"></script>',
  "<title>Turkey &amp; the lira</title></head><body>",
  "<article><h1>Turkey &amp; the lira</h1><p>A &lt;script&gt; in prose stays prose.</p></article>",
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Turkey \\u003c the lira"}</script>',
  '<script nonce="n1">(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script nonce="n1">self.__next_f.push([1,"\\u003cp\\u003egated?\\u003c/p\\u003e"])</script>',
  "</body></html>",
].join("");

describe("removePageScripts", () => {
  it("takes out every script and script preload and leaves the rest as it was", () => {
    expect(removePageScripts(PAGE)).toBe(
      [
        '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
        '<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="n1"/>',
        "<title>Turkey &amp; the lira</title></head><body>",
        "<article><h1>Turkey &amp; the lira</h1><p>A &lt;script&gt; in prose stays prose.</p></article>",
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Turkey \\u003c the lira"}</script>',
        "</body></html>",
      ].join(""),
    );
  });

  it("leaves a page without scripts untouched", () => {
    const page = "<!DOCTYPE html><html><body><p>Plain</p></body></html>";
    expect(removePageScripts(page)).toBe(page);
  });
});

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** A server whose "render" writes the page in pieces, as Next.js streams it. */
async function serve(
  context: RequestContext,
  render: (response: ServerResponse) => void,
): Promise<{ body: string; headers: Record<string, unknown> }> {
  server = createServer((_request, response) => {
    removeScriptsWhenAsked(response, context);
    render(response);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ body: Buffer.concat(chunks).toString("utf8"), headers: response.headers }));
    }).on("error", reject);
  });
}

function streamPage(response: ServerResponse, contentType = "text/html; charset=utf-8"): void {
  response.setHeader("Content-Type", contentType);
  // Split inside a script and inside a multi-byte character.
  const bytes = Buffer.from(PAGE.replace("lira</h1>", "lira — €</h1>"));
  const cut = bytes.indexOf("€") + 1;
  response.write(bytes.subarray(0, 200));
  response.write(bytes.subarray(200, cut));
  response.end(bytes.subarray(cut));
}

describe("removeScriptsWhenAsked", () => {
  const context = (withoutScripts?: boolean): RequestContext => ({
    requestId: "test",
    databaseUnavailable: false,
    withoutScripts,
  });

  it("sends a page that asked for it without scripts, whatever its pieces", async () => {
    const { body } = await serve(context(true), (response) => streamPage(response));
    expect(body).not.toContain("__next_f");
    expect(body).not.toContain("/_next/static/chunks/c.js");
    expect(body).toContain("lira — €</h1>");
    expect(body).toContain("application/ld+json");
  });

  it("passes every other page through as written", async () => {
    const { body } = await serve(context(), (response) => streamPage(response));
    expect(body).toContain("__next_f");
    expect(body).toContain("lira — €</h1>");
  });

  it("leaves a page that ended in a 404 or an error alone: its content is in the flight data", async () => {
    for (const status of [404, 500]) {
      const { body } = await serve(context(true), (response) => {
        response.statusCode = status;
        streamPage(response);
      });
      expect(body).toContain("__next_f");
    }
  });

  it("leaves what is not HTML alone", async () => {
    const { body } = await serve(context(true), (response) => streamPage(response, "text/x-component"));
    expect(body).toContain("__next_f");
  });

  it("gives the page its new length when the render set one", async () => {
    const { body, headers } = await serve(context(true), (response) => {
      response.setHeader("Content-Type", "text/html");
      response.setHeader("Content-Length", Buffer.byteLength(PAGE));
      response.end(PAGE);
    });
    expect(Number(headers["content-length"])).toBe(Buffer.byteLength(body));
    expect(body).not.toContain("<script nonce");
  });
});
