// The signed-in reader of this request, or null. Every page, action and route
// that depends on the reader asks this (Auth.js reads the session cookie and
// looks the session and its user up in PostgreSQL, on every request: a role
// or a comp grant changed by an admin counts from the next request).
import { cache } from "react";
import { DatabaseUnavailableError } from "@/lib/db/database-unavailable";
import { currentRequestContext } from "@/lib/observability/request-context";
import { effectiveRole, type Role } from "@/lib/auth/roles";
import { auth } from "./auth";

export type Reader = {
  id: string;
  email: string;
  role: Role;
  /** Complimentary All-Access granted by an admin, until this moment. */
  compUntil: Date | null;
};

// Cached per request: the header and the page ask, the database answers once.
export const getReader = cache(async (): Promise<Reader | null> => {
  const session = await auth();
  // Auth.js reports a failed session lookup as "no session" (auth.ts marks it).
  if (currentRequestContext()?.databaseUnavailable) throw new DatabaseUnavailableError("the session could not be read");
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return {
    id: user.id,
    email: user.email,
    role: effectiveRole({ email: user.email, role: user.role }),
    // auth() hands the session over as JSON: the date arrives as a string.
    compUntil: user.compUntil ? new Date(user.compUntil as Date | string) : null,
  };
});
