// Who is acting in the newsroom. Every newsroom operation in lib/ takes an
// actor and checks its role itself, so a page, a route handler, a server
// action or a script that forgot to ask still cannot act above its role.
import { hasRole, type Role } from "./roles";

export type Actor = {
  /** The person's user id; null for the command line. */
  id: string | null;
  /** What the audit log shows: the address, or "command line". */
  label: string;
  role: Role;
};

export const COMMAND_LINE: Actor = { id: null, label: "command line", role: "admin" };

/** Thrown when an actor tries something above their role. */
export class ForbiddenError extends Error {
  constructor(readonly needed: Role) {
    super(`this needs the ${needed} role`);
  }
}

export function assertRole(actor: Actor, needed: Role): void {
  if (!hasRole(actor.role, needed)) throw new ForbiddenError(needed);
}

export function actorOf(reader: { id: string; email: string; role: Role }): Actor {
  return { id: reader.id, label: reader.email, role: reader.role };
}
