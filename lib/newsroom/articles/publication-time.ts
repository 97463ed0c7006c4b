// Times an editor types for scheduling are wall-clock times in the
// publication's time zone (PUBLICATION_TIMEZONE), whatever zone the editor's
// browser or the server is in.
import { TZDate } from "@date-fns/tz";

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
// An instant with its offset, for scripts: 2026-12-01T09:30:00Z, ...+01:00.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export type ParsedTime = { ok: true; at: Date } | { ok: false; message: string };

/** "2026-12-01T09:30" (a datetime-local field) in `timeZone`, or an ISO instant with an offset. */
export function parsePublicationTime(value: unknown, timeZone: string): ParsedTime {
  if (typeof value !== "string" || value.trim() === "") return { ok: false, message: "Choose a date and a time." };
  const text = value.trim();
  if (INSTANT.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? { ok: false, message: "That is not a valid date and time." } : { ok: true, at };
  }
  const match = LOCAL_TIME.exec(text);
  if (!match) return { ok: false, message: "Write the time as YYYY-MM-DDTHH:MM, such as 2026-12-01T09:30." };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const at = new TZDate(year, month - 1, day, hour, minute, timeZone);
  // A time that does not exist there (the hour skipped when clocks go forward)
  // or a date that does not exist (31 April) comes back as another time.
  const exists =
    at.getFullYear() === year &&
    at.getMonth() === month - 1 &&
    at.getDate() === day &&
    at.getHours() === hour &&
    at.getMinutes() === minute;
  if (!exists) return { ok: false, message: `${text.replace("T", " ")} does not exist in ${timeZone}.` };
  return { ok: true, at: new Date(at.getTime()) };
}

/** The wall-clock time of `date` in `timeZone`, as a datetime-local field shows it. */
export function toLocalInput(date: Date, timeZone: string): string {
  const local = new TZDate(date.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}
