// The role form on a reader's page names the reader by id; changeRole (the
// one way roles change, also used by `npm run admin:add`) takes the address.
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { changeRole, type RoleChange } from "../change-role";
import type { Role } from "@/lib/auth/roles";
import { isUserId } from "./reader-profile";

export async function changeReaderRole(actor: Actor, input: { userId: string; role: Role }): Promise<RoleChange> {
  assertRole(actor, "admin");
  if (!isUserId(input.userId)) return { kind: "not-found" };
  const user = await db().user.findUnique({ where: { id: input.userId }, select: { email: true } });
  if (!user) return { kind: "not-found" };
  return changeRole(actor, { email: user.email, role: input.role });
}
