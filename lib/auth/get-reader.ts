// The signed-in reader of this request, or null. Every page, action and route
// that depends on the reader asks this (Auth.js reads the session cookie and
// looks the session and its user up in PostgreSQL, on every request: a role
// or a comp grant changed by an admin counts from the next request).
import { cache } from "react";
import { effectiveRole, type Role } from "@/lib/newsroom/roles";
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
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return {
    id: user.id,
    email: user.email,
    role: effectiveRole({ email: user.email, role: user.role }),
    // The session reaches here as JSON: the date is a string again.
    compUntil: user.compUntil ? new Date(user.compUntil) : null,
  };
});
