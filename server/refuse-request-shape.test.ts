import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { refuseRequestShape } from "./refuse-request-shape";

let server: Server | undefined;

afterEach(() => {
  server?.close();
  server = undefined;
});

async function listening(): Promise<number> {
  server = createServer((request, response) => {
    if (!refuseRequestShape(request, response)) response.end("the app answered");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as { port: number }).port;
}

type Answer = { status: number; allow?: string; body: string };

function ask(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, allow: response.headers.allow as string | undefined, body }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end(method === "POST" ? "--x--\r\n" : undefined);
  });
}

describe("refuseRequestShape", () => {
  it("answers a method a page does not have with 405 and Allow, and leaves route handlers alone", async () => {
    const port = await listening();
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
      expect(await ask(port, method, "/articles/x")).toMatchObject({ status: 405, allow: "GET, HEAD, POST" });
    }
    expect((await ask(port, "PUT", "http://folio.example/?q=1")).status).toBe(405);
    for (const path of ["/api/me", "/feed.xml", "/media/a/b.webp", "/_next/static/x"]) {
      expect((await ask(port, "PUT", path)).body, path).toBe("the app answered");
    }
    expect((await ask(port, "GET", "/")).body).toBe("the app answered");
  });

  it("refuses a server action from another site, on any path, and lets a same-site one through", async () => {
    const port = await listening();
    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    const sites: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const site of sites) {
      expect((await ask(port, "POST", "/", { ...multipart, ...site })).status).toBe(403);
      expect((await ask(port, "POST", "/api/x", { "next-action": "00", ...site })).status).toBe(403);
    }
    const sameSite = { origin: "http://127.0.0.1", host: "127.0.0.1", "sec-fetch-site": "same-origin" };
    expect((await ask(port, "POST", "/", { ...multipart, ...sameSite })).body).toBe("the app answered");
    // A JSON or urlencoded POST from another site is no server action: the route decides.
    expect(
      (await ask(port, "POST", "/api/x", { "content-type": "application/json", origin: "http://evil.example" })).body,
    ).toBe("the app answered");
  });

  it("answers a malformed router state header with 400, without a body for HEAD", async () => {
    const port = await listening();
    expect((await ask(port, "GET", "/", { rsc: "1", "next-router-state-tree": "garbage" })).status).toBe(400);
    expect(await ask(port, "HEAD", "/", { "next-router-state-tree": "%7B" })).toMatchObject({ status: 400, body: "" });
    const readable = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }]));
    expect((await ask(port, "GET", "/", { "next-router-state-tree": readable })).body).toBe("the app answered");
  });
});
