// Sessions live in PostgreSQL (Auth.js database strategy), so ending them
// signs a reader out on every device at once.
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "@/lib/db/prisma";
import { SESSION_COOKIES, SESSION_MAX_AGE_SECONDS } from "./auth-cookies";

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
