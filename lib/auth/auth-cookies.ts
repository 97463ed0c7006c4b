// Auth.js's cookies and how long its database sessions last. Apart from
// sessions.ts (which reads the request's cookies through Next.js) so that
// the web server in front of Next.js can find the session cookie too
// (server/reader-pages.ts).

/** How long a session lasts (Auth.js's `session.maxAge`). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * How often a session in use is extended (Auth.js's `session.updateAge`): a
 * request on a session whose expiry was last set longer ago than this moves
 * it SESSION_MAX_AGE_SECONDS ahead again.
 */
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

// Auth.js's session cookie. Over https it is `__Host-` prefixed: the browser
// then only accepts it Secure, for the whole site, from this host itself
// (no Domain), so a sibling subdomain cannot plant or overwrite it. Plain
// http (a local `npm start`) cannot carry a prefixed cookie.
const SESSION_COOKIE = "authjs.session-token";
export const SESSION_COOKIES = [`__Host-${SESSION_COOKIE}`, `__Secure-${SESSION_COOKIE}`, SESSION_COOKIE];

const cookie = (name: string, secure: boolean) => ({
  name,
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
});

/** Auth.js's cookie settings: HttpOnly, SameSite=Lax, Secure and prefixed over https. */
export function authCookies(secure: boolean) {
  return {
    sessionToken: cookie(secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE, secure),
    csrfToken: cookie(secure ? "__Host-authjs.csrf-token" : "authjs.csrf-token", secure),
    callbackUrl: cookie(secure ? "__Secure-authjs.callback-url" : "authjs.callback-url", secure),
  };
}

/** Set-Cookie values that remove every form of the session cookie. */
export function expiredSessionCookies(): string[] {
  // A prefixed cookie is only replaced by one with the same attributes.
  return SESSION_COOKIES.map((name) =>
    name.startsWith("__")
      ? `${name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`
      : `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`,
  );
}

/**
 * Whether Auth.js would extend this session on a request now: it does so,
 * and writes the new expiry, once SESSION_UPDATE_AGE_SECONDS have passed
 * since the expiry was last set.
 */
export function sessionDueForUpdate(expires: Date, now: Date): boolean {
  return expires.getTime() - (SESSION_MAX_AGE_SECONDS - SESSION_UPDATE_AGE_SECONDS) * 1000 <= now.getTime();
}
