import { describe, expect, it } from "vitest";
import { cacheHeadersFor, PRIVATE, PUBLIC_PAGE, varyWith, type ResponseFacts } from "./cache-policy";

const anonymousGet = (path: string, changes: Partial<ResponseFacts> = {}): ResponseFacts => ({
  method: "GET",
  path,
  cookie: undefined,
  rsc: false,
  status: 200,
  setsCookie: false,
  ...changes,
});

describe("cacheHeadersFor", () => {
  it.each([
    "/",
    "/articles/some-slug",
    "/topics/energy",
    "/regions/asia",
    "/authors/someone",
    "/archive",
    "/search",
    "/api/search",
    "/api/search/suggest",
    "/feed.xml",
    "/sitemap.xml",
    "/robots.txt",
  ])("lets a CDN keep the anonymous answer of %s, varying on Cookie", (path) => {
    expect(cacheHeadersFor(anonymousGet(path))).toEqual({ cacheControl: PUBLIC_PAGE, varyCookie: true });
    expect(cacheHeadersFor(anonymousGet(path, { method: "HEAD" })).cacheControl).toBe(PUBLIC_PAGE);
  });

  it.each([
    ["a session cookie", { cookie: "authjs.session-token=abc" }],
    ["the secure session cookie", { cookie: "__Secure-authjs.session-token=abc" }],
    ["any other cookie", { cookie: "theme=dark" }],
    ["a response that sets a cookie", { setsCookie: true }],
    ["a POST", { method: "POST" }],
    ["an RSC payload", { rsc: true }],
    ["a 404", { status: 404 }],
    ["a redirect", { status: 308 }],
    ["a server error", { status: 500 }],
  ] satisfies [string, Partial<ResponseFacts>][])("keeps an article page private with %s", (_name, changes) => {
    expect(cacheHeadersFor(anonymousGet("/articles/some-slug", changes))).toEqual({
      cacheControl: PRIVATE,
      varyCookie: false,
    });
  });

  it.each([
    "/account",
    "/api/me",
    "/api/articles/x/unlock",
    "/api/search/other",
    "/signin",
    "/subscribe",
    "/admin",
    "/newsletters",
    "/articles/x/y",
    "/api/health",
  ])("keeps %s private even without a cookie", (path) => {
    expect(cacheHeadersFor(anonymousGet(path)).cacheControl).toBe(PRIVATE);
  });

  it("keeps a page made for one browser private without a cookie (a gift, an organisation's address)", () => {
    expect(cacheHeadersFor(anonymousGet("/articles/x", { privatePage: true }))).toEqual({
      cacheControl: PRIVATE,
      varyCookie: false,
    });
  });

  it("never makes a Set-Cookie response public, on any path", () => {
    for (const path of ["/", "/articles/x", "/api/auth/callback/email", "/icon.svg"]) {
      expect(cacheHeadersFor(anonymousGet(path, { setsCookie: true })).cacheControl).toBe(PRIVATE);
    }
  });

  it("leaves the build's hashed files and the icon to Next.js", () => {
    expect(cacheHeadersFor(anonymousGet("/_next/static/chunks/a.js")).cacheControl).toBeNull();
    expect(cacheHeadersFor(anonymousGet("/icon.svg")).cacheControl).toBeNull();
  });
});

describe("varyWith", () => {
  it("adds Cookie once", () => {
    expect(varyWith(undefined, "Cookie")).toBe("Cookie");
    expect(varyWith("rsc, Accept-Encoding", "Cookie")).toBe("rsc, Accept-Encoding, Cookie");
    expect(varyWith("cookie", "Cookie")).toBe("cookie");
  });

  it("adds Accept-Encoding once, and nothing to a Vary of *", () => {
    expect(varyWith("rsc, Cookie", "Accept-Encoding")).toBe("rsc, Cookie, Accept-Encoding");
    expect(varyWith("rsc, accept-encoding", "Accept-Encoding")).toBe("rsc, accept-encoding");
    expect(varyWith("*", "Accept-Encoding")).toBe("*");
  });
});

describe("media library images", () => {
  const image = { method: "GET", path: "/media/AbCdEfGhIjKlMnOpQrSt_-/640.webp", rsc: false, setsCookie: false };
  it("keep the route's own Cache-Control, cookie or not", () => {
    expect(cacheHeadersFor({ ...image, cookie: undefined, status: 200 })).toEqual({
      cacheControl: null,
      varyCookie: false,
    });
    expect(cacheHeadersFor({ ...image, cookie: "a=b", status: 200 })).toEqual({
      cacheControl: null,
      varyCookie: false,
    });
  });
  it("are private when refused or when a cookie is set", () => {
    expect(cacheHeadersFor({ ...image, cookie: undefined, status: 404 }).cacheControl).toBe(PRIVATE);
    expect(cacheHeadersFor({ ...image, cookie: undefined, status: 200, setsCookie: true }).cacheControl).toBe(PRIVATE);
  });
});
