// Runs before routing, for every request but the build's static files:
// refuses addresses whose percent-encoding is broken, and gives each request
// its Content-Security-Policy nonce and the security headers. It decides
// nothing about who may see what: every page and route checks the session
// itself (see docs/security.md).
import { NextResponse, type NextRequest } from "next/server";
import {
  contentSecurityPolicy,
  EMAIL_PREVIEW_POLICY,
  FIXED_SECURITY_HEADERS,
  frameOptions,
  framingOf,
  HSTS,
  newNonce,
  type Framing,
} from "@/lib/http/security-headers";
import { servedOverHttps, stripeFormTargets } from "@/lib/http/request-security";
import { refuseActionRequest } from "@/lib/http/server-action-request";
import { newRequestId } from "@/lib/observability/request-context";

export async function proxy(request: NextRequest) {
  try {
    // "/articles/%E0%A4%A": Next.js would fail decoding the route parameter
    // with a 500; the reader gets a plain 400 instead.
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return badRequest("Bad request: this address is not valid.");
  }
  if (!(await readableForm(request))) return badRequest("Bad request: the form data could not be read.");
  const actionRefusal = await refuseActionRequest(request);
  if (actionRefusal) return badRequest(actionRefusal.message, actionRefusal.status);
  const https = servedOverHttps(request.headers);
  const framing = framingOf(request.nextUrl.pathname);
  const pagePolicy = contentSecurityPolicy({
    nonce: newNonce(),
    https,
    formTargets: stripeFormTargets(),
    framesPreview: framing === "framer",
  });
  // Next.js reads the nonce from the request's CSP header and puts it on the
  // scripts it renders. server/main.ts gives each request an id; a server
  // without it (next start) gets one here.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", pagePolicy);
  const requestId = request.headers.get("x-request-id") ?? newRequestId();
  requestHeaders.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // The email preview gets the email's policy alone: a route's own CSP
  // header would be sent beside this one, and the stricter of the two wins.
  response.headers.set("Content-Security-Policy", framing === "preview" ? EMAIL_PREVIEW_POLICY : pagePolicy);
  response.headers.set("X-Request-Id", requestId);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return withFixedHeaders(response, framing);
}

function badRequest(message: string, status = 400): NextResponse {
  return withFixedHeaders(
    new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } }),
  );
}

// A page answers a multipart POST as a server action submitted without
// JavaScript, and Next.js fails with a 500 when the body is not valid
// multipart. Such a post is read here first (from a copy; the page still
// gets the body) and refused with a 400 when it does not parse.
async function readableForm(request: NextRequest): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  // Route handlers too: "/api/x/%2e%2e/y" resolves to a page (the 404 page).
  if (request.method !== "POST" || !/^multipart\/form-data/i.test(type)) return true;
  try {
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

function withFixedHeaders(response: NextResponse, framing: Framing = "none"): NextResponse {
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("X-Frame-Options", frameOptions(framing));
  return response;
}

export const config = {
  // The build's hashed static files need no nonce; next.config.js gives them
  // their nosniff header.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
