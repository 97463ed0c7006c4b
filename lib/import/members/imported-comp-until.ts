// When an imported reader's comp access ends. Substack's comp and gifts end
// at their expiry. Ghost's complimentary plan has no end, and Folio's comp
// always has one (users.comp_until; the newsroom grants at most ten years):
// an imported Ghost comp lasts to the end of 31 December 2099 in the
// publication's time zone. A comp that quietly ran out after ten years
// would cut off readers the publication meant to keep; 2099 reads as "no
// end" in the newsroom's reader list, and an admin can still shorten or
// revoke it there (comp-access.ts), as any other grant.
import { addDays, startOfDay } from "@/lib/calendar/calendar-day";
import type { MemberRow } from "./member-row";

export const NO_END_LAST_DAY = "2099-12-31";

/** The comp_until to give the reader, or null: no comp, or one that has already ended. */
export function importedCompUntil(comp: MemberRow["comp"], timeZone: string, now: Date): Date | null {
  if (!comp) return null;
  // The end of the last day is the start of the next, as the newsroom's grants store it (comp-until.ts).
  const until = comp.until ?? startOfDay(addDays(NO_END_LAST_DAY, 1), timeZone);
  return until.getTime() > now.getTime() ? until : null;
}
