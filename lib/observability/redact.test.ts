import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it.each([
    ["sign-in for reader@example.org failed", "sign-in for [email] failed"],
    ["GET /signin/confirm?token=abc&email=a%40b.c", "GET /signin/confirm?token=[redacted]&email=[redacted]"],
    ["session 3f2504e0-4f89-11d3-9a0c-0305e82c3301 ended", "session [redacted] ended"],
    [`token ${"a1".repeat(32)} used`, "token [redacted] used"],
    [
      "user clx1y2z3a0000abcd1234efgh unlocked sub_1PqRsTuVwXyZ",
      "user clx1y2z3a0000abcd1234efgh unlocked sub_1PqRsTuVwXyZ",
    ],
    ["request 0123456789abcdef", "request 0123456789abcdef"],
  ])("%j -> %j", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});
