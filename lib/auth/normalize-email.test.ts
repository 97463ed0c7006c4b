import { describe, expect, it } from "vitest";
import { normalizeEmail } from "./normalize-email";

describe("normalizeEmail", () => {
  it.each([
    ["reader@example.org", "reader@example.org"],
    ["  Reader@Example.ORG \n", "reader@example.org"],
    ["first.last+folio@mail.example.co.uk", "first.last+folio@mail.example.co.uk"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["reader@bücher.example", "reader@xn--bcher-kva.example"],
  ])("accepts %j as %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["no @", "reader.example.org"],
    ["two @", "reader@evil.example@example.org"],
    ["a quoted local part hiding an @", '"victim@example.org"@evil.example'],
    ["a quoted local part", '"reader"@example.org'],
    ["a comment", "reader(comment)@example.org"],
    ["a display name", "Reader <reader@example.org>"],
    ["a list", "reader@example.org,other@evil.example"],
    ["a semicolon list", "reader@example.org;other@evil.example"],
    ["a space inside", "read er@example.org"],
    ["a newline (header injection)", "reader@example.org\nBcc: other@evil.example"],
    ["a backslash", "read\\er@example.org"],
    ["a leading dot", ".reader@example.org"],
    ["two dots", "rea..der@example.org"],
    ["a domain without a dot", "reader@localhost"],
    ["an IP literal", "reader@[127.0.0.1]"],
    ["a numeric top-level domain", "reader@10.0.0.1"],
    ["a label starting with a hyphen", "reader@-example.org"],
    ["a local part over 64 characters", `${"a".repeat(65)}@example.org`],
    [
      "an address over 254 characters",
      `reader@${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(70)}.org`,
    ],
    ["a percent hack", "reader%evil.example@example.org"],
    ["a bang path", "evil.example!reader@example.org"],
  ])("refuses %s", (_label, input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});
