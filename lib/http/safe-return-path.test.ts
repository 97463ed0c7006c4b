import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/articles/a", "/articles/a"],
    ["/archive?page=2", "/archive?page=2"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/ok\nSet-Cookie: x", "/"],
    ["/" + "a".repeat(600), "/"],
    [["/first", "/second"], "/first"],
  ])("%j -> %j", (value, expected) => {
    expect(safeReturnPath(value as string | string[] | undefined)).toBe(expected);
  });
});
