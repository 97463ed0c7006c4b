// The browser's gift id: a random value in an HttpOnly cookie, set when the
// browser first follows a gift link (app/gift/[token]/route.ts), so that a
// gift can count the distinct browsers it opened in and let each keep
// reading. It says nothing about the browser or its reader, and nothing else
// is kept with it; a reader who clears cookies is a new browser, as they
// would be to any counter of this kind. SameSite=Lax (a link from a mail
// or a chat is a top-level navigation, which carries it), Secure with the
// __Host- prefix over https, as the session cookie is.
import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { servedOverHttps } from "@/lib/http/request-security";

const COOKIE = "folio-browser";
const BROWSER_ID = /^[A-Za-z0-9_-]{22}$/;
// Long enough to outlive any gift (GIFT_DAYS is at most 366); browsers cap cookies at 400 days.
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export const browserCookieName = (secure: boolean) => (secure ? `__Host-${COOKIE}` : COOKIE);

/** A cookie's value as a browser id, or null for anything that cannot be one. */
export function asBrowserId(value: string | undefined): string | null {
  return value !== undefined && BROWSER_ID.test(value) ? value : null;
}

export function newBrowserId(): string {
  return randomBytes(16).toString("base64url");
}

/** This request's browser id, if it has one (pages, route handlers, server actions). */
export async function currentBrowserId(): Promise<string | null> {
  const secure = servedOverHttps(await headers());
  return asBrowserId((await cookies()).get(browserCookieName(secure))?.value);
}

/** The cookie that gives a browser `id`, for a route handler's response. */
export function browserCookie(id: string, secure: boolean) {
  return {
    name: browserCookieName(secure),
    value: id,
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  };
}
