import { describe, expect, it } from "vitest";
import { parseEmailDomain } from "./email-domains";

describe("parseEmailDomain", () => {
  it.each([
    ["example.edu", "example.edu"],
    [" Politics.OX.ac.uk ", "politics.ox.ac.uk"],
    ["@ministry.example.gov.uk", "ministry.example.gov.uk"],
    ["münchen.de", "xn--mnchen-3ya.de"],
    ["newsroom.example.org", "newsroom.example.org"],
  ])("accepts %s as %s", (text, domain) => {
    expect(parseEmailDomain(text)).toEqual({ ok: true, domain });
  });

  it.each([
    ["*.com", "wildcards are not allowed"],
    ["*.example.edu", "wildcards are not allowed"],
    ["com", "is a public suffix"],
    ["co.uk", "is a public suffix"],
    ["gov.uk", "is a public suffix"],
    ["github.io", "is a public suffix"],
    ["gmail.com", "is a consumer mail service"],
    ["GMAIL.COM", "is a consumer mail service"],
    ["outlook.com", "is a consumer mail service"],
    ["yahoo.com", "is a consumer mail service"],
    ["yahoo.co.uk", "is a consumer mail service"],
    ["mail.yahoo.com", "is a consumer mail service"],
    ["hotmail.com", "is a consumer mail service"],
    ["icloud.com", "is a consumer mail service"],
    ["proton.me", "is a consumer mail service"],
    ["gmx.de", "is a consumer mail service"],
    ["example.notatld", "does not end in a known top-level domain"],
    ["localhost", "does not end in a known top-level domain"],
    ["81.2.69.1", "is not a domain"],
    ["reader@example.edu", "is not a domain"],
    ["exa mple.edu", "is not a domain"],
    ["-example.edu", "is not a domain"],
    ["example..edu", "is not a domain"],
    ["https://example.edu", "is not a domain"],
    ["", "is not a domain"],
    ["a".repeat(10_000), "is not a domain"],
  ])("refuses %j: %s", (text, message) => {
    const parsed = parseEmailDomain(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(message);
      expect(parsed.message.length).toBeLessThan(300);
    }
  });
});
