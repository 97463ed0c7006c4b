// The security headers of every response: a Content-Security-Policy whose
// script-src admits only scripts carrying this request's nonce (Next.js puts
// the nonce on its own scripts, reading it from the request's CSP header),
// and the fixed headers that keep the site out of frames, stop MIME
// sniffing and referrer leaks, and switch off browser features Folio never
// uses. HSTS only when the site is served over https.
import { randomBytes } from "node:crypto";

export type PolicyOptions = {
  nonce: string;
  https: boolean;
  /** Origins that forms may post to or be redirected to (Stripe Checkout and Portal). */
  formTargets: string[];
};

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy({ nonce, https, formTargets }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts that a nonced script loads are trusted too;
    // browsers that know it ignore 'self' here.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // A form post without JavaScript is answered with a redirect to Stripe;
    // form-action covers that redirect.
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers that are the same on every response (set in next.config.js). */
export const FIXED_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), browsing-topics=()",
};

// Two years, with subdomains: the value hstspreload.org asks for. No
// "preload": that is a decision for whoever owns the domain.
export const HSTS = "max-age=63072000; includeSubDomains";
