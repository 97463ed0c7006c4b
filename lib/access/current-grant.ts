// The instant-access grant of this request's browser: read from and written
// to its cookie. HttpOnly (no script on the page can read or copy it),
// SameSite=Lax, and over https Secure with the __Host- prefix, as the session
// cookie is (lib/auth/sessions.ts).
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/config/env";
import { servedOverHttps } from "@/lib/http/request-security";
import { grantCookieName as cookieName, grantKey, signGrant, verifyGrant, type ArticleGrant } from "./article-grant";

const GRANT_DAYS = 30;

let derived: { secret: string; key: Buffer } | undefined;

function appKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start Folio with `npm start`, which generates one");
  if (derived?.secret !== secret) derived = { secret, key: grantKey(secret) };
  return derived.key;
}

/** The browser's valid grant, or null (none, forged, altered or expired). */
export const currentGrant = cache(async (now: Date = new Date()): Promise<ArticleGrant | null> => {
  const secure = servedOverHttps(await headers());
  return verifyGrant(appKey(), (await cookies()).get(cookieName(secure))?.value, now);
});

/** Gives this browser the grant to read `articleId` (in a server action or route handler). */
export async function setGrantCookie(articleId: string, email: string, now = new Date()): Promise<void> {
  const secure = servedOverHttps(await headers());
  const expiresAt = new Date(now.getTime() + GRANT_DAYS * 24 * 60 * 60 * 1000);
  (await cookies()).set(cookieName(secure), signGrant(appKey(), { articleId, email, expiresAt }), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

/** Forgets the grant: once confirmed, the account's unlock reads the article. */
export async function clearGrantCookie(): Promise<void> {
  const secure = servedOverHttps(await headers());
  (await cookies()).delete({ name: cookieName(secure), path: "/", secure, httpOnly: true, sameSite: "lax" });
}
