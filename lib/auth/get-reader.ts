// The signed-in reader of this request, or null. Every page, action and route
// that depends on the reader asks this (Auth.js reads the session cookie and
// looks the session up in PostgreSQL).
import { cache } from "react";
import { auth } from "./auth";

export type Reader = { id: string; email: string };

// Cached per request: the header and the page ask, the database answers once.
export const getReader = cache(async (): Promise<Reader | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email };
});
