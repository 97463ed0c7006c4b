// A reader's newsroom role, and the form that changes it.
import { ROLES, type Role } from "@/lib/auth/roles";

export function RoleSection({ readerId, role, effectiveRole }: { readerId: string; role: Role; effectiveRole: Role }) {
  return (
    <section aria-labelledby="role">
      <h2 id="role">Role</h2>
      <p>
        {role === "reader" ? "Reader (no newsroom access)." : `${role === "admin" ? "Admin" : "Editor"}.`}
        {effectiveRole !== role && ` Acts as ${effectiveRole}: the ADMIN_EMAILS setting names this address.`}
      </p>
      <form method="post" action={`/api/admin/readers/${readerId}/role`} className="inline-form">
        <label htmlFor="role-select">Role</label>
        <select id="role-select" name="role" defaultValue={role}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          Change role
        </button>
      </form>
    </section>
  );
}
