// The client's address for rate limiting. Folio expects to run behind a
// reverse proxy that appends the peer address to X-Forwarded-For, so the last
// entry is the one the proxy saw; a client can only forge the ones before it.
// Without a proxy Next.js fills the header with the socket address.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
