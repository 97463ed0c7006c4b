// A members CSV record read as its platform writes it.
import { readGhostMemberRow } from "./ghost-member-row";
import type { MemberRowResult } from "./member-row";
import type { MembersCsvRecord } from "./members-csv";
import type { MembersFormat } from "./members-format";
import { readSubstackMemberRow } from "./substack-member-row";

/** `columns`: how many columns the header has (a row with another count of fields is a problem). */
export function readMemberRow(format: MembersFormat, record: MembersCsvRecord, columns: number): MemberRowResult {
  return format === "ghost-members" ? readGhostMemberRow(record, columns) : readSubstackMemberRow(record, columns);
}
