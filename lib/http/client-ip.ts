// The client's address for rate limiting. server/main.ts, the web server,
// rewrites X-Forwarded-For to the one address it trusts (the socket's, or the
// one the TRUST_PROXY-th proxy saw), so the header holds a single address.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || "unknown";
}
