// Which platform a members CSV comes from, told by its header alone. Ghost's
// export (Members → Export) writes id, email, name, note,
// subscribed_to_emails, complimentary_plan, stripe_customer_id, created_at,
// deleted_at, labels and tiers ("products" before Ghost 5, "gift_id" since
// 6). Substack's email list writes email, active_subscription, expiry, plan,
// email_disabled, created_at and more; its older subscriber list has email,
// expiry, email_disabled, stripe_connected_customer_id and type. Columns
// beyond those are ignored; an email column is required.
import { ImportFileError } from "../import-source";

export type MembersFormat = "ghost-members" | "substack-subscribers";

export const MEMBERS_FORMAT_NAMES: Record<MembersFormat, string> = {
  "ghost-members": "Ghost members CSV",
  "substack-subscribers": "Substack subscriber CSV",
};

// Columns only Ghost writes, and columns only Substack writes: one of them
// is enough, so that a CSV trimmed to a few columns is still recognised.
const GHOST_MARKS = ["subscribed_to_emails", "complimentary_plan"];
const SUBSTACK_MARKS = ["email_disabled", "active_subscription", "stripe_connected_customer_id"];

const NOT_MEMBERS = "This is not a Ghost members CSV or a Substack subscriber CSV";

/** The header's column names as the readers compare them: trimmed, lower case. */
export function columnNames(header: string[]): string[] {
  return header.map((name) => name.trim().toLowerCase());
}

function describe(columns: string[]): string {
  const shown = columns.slice(0, 8).map((column) => JSON.stringify(column.slice(0, 40)));
  return columns.length > 8 ? `${shown.join(", ")} and ${columns.length - 8} more` : shown.join(", ");
}

/** The format of a CSV whose first record is `header`; throws ImportFileError for any other CSV. */
export function detectMembersFormat(header: string[]): MembersFormat {
  const columns = columnNames(header);
  const repeated = columns.find((column, index) => column !== "" && columns.indexOf(column) !== index);
  if (!columns.includes("email")) {
    throw new ImportFileError(`${NOT_MEMBERS}: its first line has no "email" column (it has ${describe(columns)}).`);
  }
  if (repeated) throw new ImportFileError(`${NOT_MEMBERS}: the column "${repeated}" appears twice in its first line.`);
  const ghost = GHOST_MARKS.some((mark) => columns.includes(mark));
  const substack = SUBSTACK_MARKS.some((mark) => columns.includes(mark));
  if (ghost && !substack) return "ghost-members";
  if (substack && !ghost) return "substack-subscribers";
  const why = ghost
    ? "it has columns of both"
    : `it has an email column but none of Ghost's (${GHOST_MARKS.join(", ")}) or Substack's (${SUBSTACK_MARKS.join(", ")})`;
  throw new ImportFileError(`${NOT_MEMBERS}: ${why}.`);
}
