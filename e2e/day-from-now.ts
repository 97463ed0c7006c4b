// Dates as the newsroom's date fields take them, for tests that grant or
// end access on a day.

/** The calendar day `days` from now in UTC, the tests' publication time zone, as YYYY-MM-DD. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
