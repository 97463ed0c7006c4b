import { describe, expect, it } from "vitest";
import { normalizeLegacyPath } from "./legacy-path";

describe("normalizeLegacyPath", () => {
  it.each([
    ["/my-post/", "/my-post"],
    ["/2020/01/02/my-post/", "/2020/01/02/my-post"],
    ["/p/my-post", "/p/my-post"],
    ["https://example.com/2020/01/02/my-post/?utm=x#top", "/2020/01/02/my-post"],
    ["/%C3%BCber-die-krise/", "/über-die-krise"],
    ["/Über-die-Krise/", "/über-die-krise"],
    ["/u\u0308ber-die-krise", "/über-die-krise"],
    ["//double//slashes/", "/double/slashes"],
    ["/100%-sure/", "/100%-sure"],
    ["/%25C3%25BCber-die-krise", "/über-die-krise"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeLegacyPath(input)).toBe(expected);
  });

  it.each([
    ["/"],
    [""],
    ["relative/path"],
    ["/a%00b/post"],
    ["/a\u0000b"],
    ["/line%0Abreak"],
    ["javascript:alert(1)"],
    [`/${"a".repeat(1_001)}`],
  ])("%s is no address", (input) => {
    expect(normalizeLegacyPath(input)).toBeNull();
  });
});
