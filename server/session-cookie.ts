// The request's session cookie as Auth.js would read it, for the answers the
// web server gives signed-in readers itself (reader-pages.ts,
// unlock-requests.ts): Auth.js's cookie name for the request's scheme, and
// none at all when some cookie is named twice (which one Auth.js would take
// is not ours to guess).
import type { IncomingMessage } from "node:http";
import { authCookies } from "@/lib/auth/auth-cookies";
import { servedOverHttps } from "@/lib/http/request-security";

export type SessionCookie = {
  token: string;
  /** All the request's cookies, by name. */
  cookies: Map<string, string>;
  /** Whether the request came over https (the prefixed cookie names). */
  secure: boolean;
};

/** The request's cookies by name; null when a name appears twice. */
export function parseCookies(header: string): Map<string, string> | null {
  const cookies = new Map<string, string>();
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at === -1) continue;
    const name = pair.slice(0, at).trim();
    if (cookies.has(name)) return null;
    cookies.set(name, pair.slice(at + 1).trim());
  }
  return cookies;
}

export function sessionCookieOf(request: Pick<IncomingMessage, "headers">): SessionCookie | null {
  const header = request.headers.cookie;
  const cookies = header === undefined ? null : parseCookies(header);
  if (cookies === null) return null;
  const forwardedProto = request.headers["x-forwarded-proto"];
  const secure = servedOverHttps(
    new Headers(typeof forwardedProto === "string" ? { "x-forwarded-proto": forwardedProto } : {}),
  );
  const token = cookies.get(authCookies(secure).sessionToken.name);
  return token ? { token, cookies, secure } : null;
}
