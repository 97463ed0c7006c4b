// The security headers of every response: a Content-Security-Policy whose
// script-src admits only scripts carrying this request's nonce (Next.js puts
// the nonce on its own scripts, reading it from the request's CSP header),
// and the fixed headers that keep the site out of frames, stop MIME
// sniffing and referrer leaks, and switch off browser features Folio never
// uses. HSTS only when the site is served over https.
//
// No page may be framed, with one exception: the newsroom's email preview,
// by the newsroom page that shows it (same origin only). See framingOf.
import { randomBytes } from "node:crypto";

export type PolicyOptions = {
  nonce: string;
  https: boolean;
  /** Origins that forms may post to or be redirected to (Stripe Checkout and Portal). */
  formTargets: string[];
  /** The newsroom page that shows the email preview in a frame (frame-src 'self'). */
  framesPreview?: boolean;
};

/**
 * How a response takes part in framing: "preview" is the email preview,
 * which pages of this site may frame; "framer" the newsroom page that frames
 * it; "none" everything else, which neither frames nor may be framed.
 */
export type Framing = "none" | "preview" | "framer";

// The preview route (app/api/admin/newsletters/[newsletter]/preview) and the
// page that frames it (app/admin/newsletters/[newsletter]). Newsletter slugs
// are lower-case words joined by hyphens. Any other address, an encoded
// variant of these included, gets "none": a mismatch can only forbid more.
const PREVIEW_PATH = /^\/api\/admin\/newsletters\/[a-z0-9-]+\/preview$/;
const FRAMER_PATH = /^\/admin\/newsletters\/[a-z0-9-]+$/;

export function framingOf(pathname: string): Framing {
  if (PREVIEW_PATH.test(pathname)) return "preview";
  if (FRAMER_PATH.test(pathname)) return "framer";
  return "none";
}

/**
 * The email preview's own policy: nothing in the email runs (sandbox, no
 * scripts), its inline styles apply as in a mail client, and only this
 * site's pages may frame it. The framing page's frame-src 'self' admits
 * every same-origin frame, but frame-ancestors 'none' on every other
 * response keeps anything but this preview out of it.
 */
export const EMAIL_PREVIEW_POLICY =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; frame-ancestors 'self'";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy({ nonce, https, formTargets, framesPreview = false }: PolicyOptions): string {
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
    framesPreview ? "frame-src 'self'" : "frame-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers that are the same on every response (set in proxy.ts). */
export const FIXED_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), browsing-topics=()",
};

/** X-Frame-Options, for browsers that do not know frame-ancestors: the same rule. */
export function frameOptions(framing: Framing): string {
  return framing === "preview" ? "SAMEORIGIN" : "DENY";
}

// Two years, with subdomains: the value hstspreload.org asks for. No
// "preload": that is a decision for whoever owns the domain.
export const HSTS = "max-age=63072000; includeSubDomains";
