import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers";

describe("contentSecurityPolicy", () => {
  const policy = (https: boolean) =>
    contentSecurityPolicy({ nonce: "abc123", https, formTargets: ["https://checkout.stripe.com"] });

  it("admits scripts by nonce only, never inline or eval", () => {
    const scriptSrc = policy(false)
      .split("; ")
      .find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
  });

  it("forbids framing, plugins and foreign base URLs, and lets forms reach Stripe", () => {
    const directives = policy(false).split("; ");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'self'");
    expect(directives).toContain("form-action 'self' https://checkout.stripe.com");
  });

  it("upgrades insecure requests only over https", () => {
    expect(policy(true)).toContain("upgrade-insecure-requests");
    expect(policy(false)).not.toContain("upgrade-insecure-requests");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
