// Who may do what in the newsroom. Roles are ordered: an admin can do all an
// editor can, an editor all a reader can.
import { env } from "@/lib/config/env";
import { normalizeEmail } from "./normalize-email";

export const ROLES = ["reader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The addresses in an ADMIN_EMAILS value, normalised; invalid entries are ignored. */
export function parseAdminEmails(raw: string): Set<string> {
  const listed = raw
    .split(/[\s,;]+/)
    .map((entry) => normalizeEmail(entry))
    .filter((email): email is string => email !== null);
  return new Set(listed);
}

let admins: { raw: string; emails: Set<string> } | undefined;

function settingAdmins(): Set<string> {
  const raw = env().ADMIN_EMAILS;
  if (admins?.raw !== raw) admins = { raw, emails: parseAdminEmails(raw) };
  return admins.emails;
}

/**
 * The role a person acts with: the one stored for them, raised to admin when
 * ADMIN_EMAILS names them. The setting is how a new installation gets its
 * first admin; it cannot be revoked from the UI, only from the setting.
 */
export function effectiveRole(user: { email: string; role: Role }, settingAdminEmails = settingAdmins()): Role {
  return settingAdminEmails.has(user.email) ? "admin" : user.role;
}
