// Sessions live in PostgreSQL (Auth.js database strategy), so ending them
// signs a reader out on every device at once.
import { cookies } from "next/headers";
import { db } from "@/lib/db/prisma";

// Auth.js's session cookie; the __Secure- form is used over https.
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

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
