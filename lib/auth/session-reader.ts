// The signed-in reader of a session token, read without Auth.js: for the web
// server's own answers in front of Next.js (server/unlock-requests.ts). The
// same lookup Auth.js makes (lib/auth/session-adapter.ts), and the same
// reader getReader gives; a session Auth.js would extend on this request, or
// that has ended, is left to Auth.js (null), which writes the new expiry or
// forgets it. An answer that cannot be handed on to Auth.js afterwards (an
// import upload, server/import-upload.ts) takes the first kind too.
import { effectiveRole } from "@/lib/auth/roles";
import { sessionDueForUpdate } from "./auth-cookies";
import type { Reader } from "./get-reader";
import { getSessionAndUser } from "./session-adapter";

export async function readerOfSession(
  token: string,
  now = new Date(),
  options: { evenIfDueForUpdate?: boolean } = {},
): Promise<Reader | null> {
  const found = await getSessionAndUser(token);
  if (!found) return null;
  const { session, user } = found;
  if (session.expires.getTime() <= now.getTime()) return null;
  if (!options.evenIfDueForUpdate && sessionDueForUpdate(session.expires, now)) return null;
  const row = user as typeof user & { role: Reader["role"]; compUntil: Date | null };
  return {
    id: row.id,
    email: row.email,
    role: effectiveRole({ email: row.email, role: row.role }),
    compUntil: row.compUntil,
  };
}
