import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/observability/request-context";
import { applyCachePolicy } from "./apply-cache-policy";
import { answerNotFoundWhenAsked } from "./not-found-status";

let server: Server | undefined;

afterEach(() => {
  server?.close();
  server = undefined;
});

/** Serves a page that answers `status` and, while it renders, may say it drew the not-found page. */
async function serve(status: number, drewNotFound: boolean, explicitHead = false) {
  server = createServer((request, response) => {
    applyCachePolicy(request, response);
    const context: RequestContext = { requestId: "test", databaseUnavailable: false };
    answerNotFoundWhenAsked(response, context);
    context.notFound = drewNotFound;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    if (explicitHead) response.writeHead(status, "OK");
    else response.statusCode = status;
    response.end("<h1>We could not find that page</h1>");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/articles/none`);
}

describe("answerNotFoundWhenAsked", () => {
  it("answers 404, privately, for a page that drew the not-found page", async () => {
    for (const explicitHead of [false, true]) {
      const response = await serve(200, true, explicitHead);
      expect(response.status).toBe(404);
      expect(response.statusText).toBe("Not Found");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.text()).toContain("We could not find that page");
      server?.close();
    }
  });

  it("leaves every other answer as it is", async () => {
    const page = await serve(200, false);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toMatch(/^public/);
    server?.close();
    const failed = await serve(500, true);
    expect(failed.status).toBe(500);
  });
});
