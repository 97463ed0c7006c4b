// The period the dashboard shows (/admin/insights?period=30d&group=day, or
// period=custom&from=2026-01-01&to=2026-03-31), read from the query. Days are
// calendar days in the publication's time zone, both ends included; the
// period ends today unless custom. A period the dashboard cannot show (from
// after to, a century, an unknown grouping) is a sentence for the reader of
// the page, never an exception.
import { addDays, calendarDayOf, parseCalendarDay, weekdayIndex, type CalendarDay } from "@/lib/calendar/calendar-day";
import type { SearchParamValue } from "@/lib/http/search-params";

export const PRESETS = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 } as const;
export type Preset = keyof typeof PRESETS;
export type Grouping = "day" | "week";

/** Two years and a day: enough to compare a year with the one before; longer is refused. */
export const MAX_DAYS = 732;

export type Bucket = { start: CalendarDay; end: CalendarDay; label: string };

export type InsightsPeriod = {
  preset: Preset | "custom";
  from: CalendarDay;
  to: CalendarDay;
  group: Grouping;
  buckets: Bucket[];
};

export type PeriodResult = { ok: true; period: InsightsPeriod } | { ok: false; message: string };

const first = (value: SearchParamValue) => (Array.isArray(value) ? value[0] : value);

export function parseInsightsPeriod(
  params: Record<string, SearchParamValue>,
  now: Date,
  timeZone: string,
): PeriodResult {
  const preset = first(params.period) ?? "30d";
  const group = first(params.group) ?? "day";
  if (group !== "day" && group !== "week")
    return { ok: false, message: `Group by "day" or "week", not "${clip(group)}".` };
  const today = calendarDayOf(now, timeZone);
  if (preset in PRESETS) {
    const days = PRESETS[preset as Preset];
    return periodOf(preset as Preset, addDays(today, 1 - days), today, group);
  }
  if (preset !== "custom") return { ok: false, message: `Choose a period of 7, 30, 90 or 365 days, or custom dates.` };
  const fromText = first(params.from);
  const toText = first(params.to);
  const from = parseCalendarDay(fromText);
  const to = parseCalendarDay(toText);
  if (!from || !to) return { ok: false, message: "Give both dates of a custom period as YYYY-MM-DD." };
  if (from > to) return { ok: false, message: `The period starts (${from}) after it ends (${to}).` };
  if (daysBetween(from, to) + 1 > MAX_DAYS)
    return { ok: false, message: `A period may be at most ${MAX_DAYS} days (two years); this one is longer.` };
  return periodOf("custom", from, to, group);
}

/** The query string that asks for `period` again (links, CSV downloads). */
export function periodQuery(period: InsightsPeriod): URLSearchParams {
  const query = new URLSearchParams({ period: period.preset, group: period.group });
  if (period.preset === "custom") {
    query.set("from", period.from);
    query.set("to", period.to);
  }
  return query;
}

function periodOf(preset: Preset | "custom", from: CalendarDay, to: CalendarDay, group: Grouping): PeriodResult {
  return { ok: true, period: { preset, from, to, group, buckets: bucketsOf(from, to, group) } };
}

/** Days one by one, or weeks from Monday to Sunday (the first and last cut at the period's ends). */
export function bucketsOf(from: CalendarDay, to: CalendarDay, group: Grouping): Bucket[] {
  const buckets: Bucket[] = [];
  for (let start = from; start <= to;) {
    const weekEnd = addDays(start, 6 - weekdayIndex(start));
    const end = group === "day" || weekEnd > to ? (group === "day" ? start : to) : weekEnd;
    buckets.push({ start, end, label: group === "day" ? start : `week of ${start}` });
    start = addDays(end, 1);
  }
  return buckets;
}

function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
