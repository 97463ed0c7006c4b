// Cross-site request refusal for routes that change something. Browsers send
// Sec-Fetch-Site (and Origin) on every POST; a request from another site is
// refused. Clients that send neither are not browsers acting for a victim.
// The same rule refuses server actions from other sites, in the web server
// (server/refuse-cross-site-action.ts): only the headers are read.
type WithHeaders = { headers: Headers };

export function isCrossSite(request: WithHeaders): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  return originMismatch(request);
}

/** An Origin header that names another host than the request's (an unreadable one counts). */
export function originMismatch(request: WithHeaders): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The 403 for a cross-site request, or null when the request may go on. */
export function refuseCrossSite(request: Request): Response | null {
  return isCrossSite(request) ? Response.json({ error: "cross_site_request" }, { status: 403 }) : null;
}
