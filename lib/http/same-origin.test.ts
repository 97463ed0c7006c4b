import { describe, expect, it } from "vitest";
import { isCrossSite } from "./same-origin";

function request(headers: Record<string, string>): Request {
  return new Request("http://folio.example/api/x", { method: "POST", headers: { host: "folio.example", ...headers } });
}

describe("isCrossSite", () => {
  it.each([
    ["same-origin fetch metadata", { "sec-fetch-site": "same-origin" }, false],
    ["a typed-in navigation", { "sec-fetch-site": "none" }, false],
    ["another site", { "sec-fetch-site": "cross-site" }, true],
    ["a sibling subdomain", { "sec-fetch-site": "same-site" }, true],
    ["matching Origin", { origin: "http://folio.example" }, false],
    ["foreign Origin", { origin: "https://evil.example" }, true],
    ["Origin null (sandboxed frame)", { origin: "null" }, true],
    ["no browser headers (curl)", {}, false],
  ])("%s -> %s", (_label, headers, expected) => {
    expect(isCrossSite(request(headers as Record<string, string>))).toBe(expected);
  });
});
