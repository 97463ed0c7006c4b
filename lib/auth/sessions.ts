// Sessions live in PostgreSQL (Auth.js database strategy), so ending them
// signs a reader out on every device at once.
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "@/lib/db/prisma";

/** How long a session lasts (Auth.js's `session.maxAge`). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

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
 * Ends the reader's sessions on every other device. The current one is left
 * for Auth.js's sign-out, which deletes it and clears its cookie.
 */
export async function endOtherSessions(userId: string): Promise<number> {
  const jar = await cookies();
  const current = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const { count } = await db().session.deleteMany({
    where: { userId, ...(current ? { sessionToken: { not: current } } : {}) },
  });
  return count;
}

/**
 * A new database session for `userId`, as Auth.js's database strategy makes
 * one at sign-in (a random token in the sessions table, SESSION_MAX_AGE_SECONDS
 * long), for a sign-in that does not go through Auth.js: the return from a
 * visitor's checkout that created their account. The caller sets the cookie
 * (authCookies(secure).sessionToken) on its answer.
 */
export async function createDatabaseSession(
  userId: string,
  now = new Date(),
): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db().session.create({ data: { sessionToken: token, userId, expires } });
  return { token, expires };
}
