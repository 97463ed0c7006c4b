// Auth.js's Prisma adapter, with the session lookup it makes on every
// signed-in request done in one round trip. The stock adapter asks for the
// session with its user included, which Prisma answers with two queries (a
// join is still behind its relationJoins preview flag).
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db/prisma";
import type { Role } from "@/lib/auth/roles";

type SessionRow = {
  sessionToken: string;
  userId: string;
  expires: Date;
  email: string;
  name: string | null;
  image: string | null;
  emailVerified: Date | null;
  role: Role;
  compUntil: Date | null;
};

/** The session and its user (with the newsroom role and comp grant the session callback hands on). */
export async function getSessionAndUser(
  sessionToken: string,
): Promise<{ session: AdapterSession; user: AdapterUser } | null> {
  const rows = await db().$queryRaw<SessionRow[]>`
    SELECT s.session_token AS "sessionToken", s.user_id::text AS "userId", s.expires,
           u.email, u.name, u.image, u.email_verified AS "emailVerified", u.role::text AS role, u.comp_until AS "compUntil"
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.session_token = ${sessionToken}`;
  const row = rows[0];
  if (!row) return null;
  const { sessionToken: token, userId, expires, ...user } = row;
  return { session: { sessionToken: token, userId, expires }, user: { id: userId, ...user } };
}

export function sessionAdapter(): Adapter {
  // The adapter is typed against @prisma/client's default output; Folio's
  // client is generated into lib/db/generated with the same models.
  return { ...PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]), getSessionAndUser };
}
