import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  EMAIL_PREVIEW_POLICY,
  FIXED_SECURITY_HEADERS,
  frameOptions,
  framingOf,
  newNonce,
} from "./security-headers";

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

describe("framing", () => {
  it("lets only the email preview be framed, and only by this site", () => {
    expect(framingOf("/api/admin/newsletters/daily-review/preview")).toBe("preview");
    expect(EMAIL_PREVIEW_POLICY.split("; ")).toContain("frame-ancestors 'self'");
    expect(EMAIL_PREVIEW_POLICY.split("; ")).toContain("sandbox");
    expect(EMAIL_PREVIEW_POLICY).not.toMatch(/script-src|unsafe-eval/);
    expect(frameOptions("preview")).toBe("SAMEORIGIN");
    for (const path of [
      "/",
      "/articles/x",
      "/admin/newsletters/daily-review",
      "/api/admin/newsletters/daily-review/preview/x",
      "/api/admin/newsletters/daily-review/send",
      "/api/admin/newsletters/daily-review/%70review",
      "/x/api/admin/newsletters/daily-review/preview",
    ]) {
      expect(framingOf(path), path).not.toBe("preview");
      expect(frameOptions(framingOf(path)), path).toBe("DENY");
    }
    expect(FIXED_SECURITY_HEADERS).not.toHaveProperty("X-Frame-Options");
  });

  it("lets only the newsletter page frame anything (frame-src 'self'), every other page nothing", () => {
    expect(framingOf("/admin/newsletters/daily-review")).toBe("framer");
    const framer = contentSecurityPolicy({ nonce: "n", https: false, formTargets: [], framesPreview: true });
    expect(framer.split("; ")).toContain("frame-src 'self'");
    expect(framer.split("; ")).toContain("frame-ancestors 'none'");
    for (const path of ["/admin/newsletters", "/admin/newsletters/daily-review/x", "/admin/articles/1"])
      expect(framingOf(path), path).toBe("none");
    const page = contentSecurityPolicy({ nonce: "n", https: false, formTargets: [] });
    expect(page.split("; ")).toContain("frame-src 'none'");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
