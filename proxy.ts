// Runs before routing, for every request but the build's static files:
// refuses addresses whose percent-encoding is broken, and gives each request
// its Content-Security-Policy nonce and the security headers. It decides
// nothing about who may see what: every page and route checks the session
// itself (see README, "Security").
import { NextResponse, type NextRequest } from "next/server";
import {
  contentSecurityPolicy,
  FIXED_SECURITY_HEADERS,
  HSTS,
  newNonce,
} from "@/lib/http/security-headers";
import { servedOverHttps, stripeFormTargets } from "@/lib/http/request-security";
import { newRequestId } from "@/lib/observability/request-context";

export function proxy(request: NextRequest) {
  try {
    // "/articles/%E0%A4%A": Next.js would fail decoding the route parameter
    // with a 500; the reader gets a plain 400 instead.
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return withFixedHeaders(
      new NextResponse("Bad request: this address is not valid.", {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      }),
    );
  }
  const https = servedOverHttps(request.headers);
  const policy = contentSecurityPolicy({ nonce: newNonce(), https, formTargets: stripeFormTargets() });
  // Next.js reads the nonce from the request's CSP header and puts it on the
  // scripts it renders. scripts/serve.ts gives each request an id; a server
  // without it (next start) gets one here.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const requestId = request.headers.get("x-request-id") ?? newRequestId();
  requestHeaders.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return withFixedHeaders(response);
}

function withFixedHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // The build's hashed static files need no nonce; next.config.js gives them
  // their nosniff header.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
