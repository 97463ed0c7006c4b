// How dates and kinds read on the site, in the publication's time zone.
import { env } from "@/lib/config/env";
import type { ArticleKind } from "./article-queries";

// Making an Intl.DateTimeFormat costs far more than using one (it showed in
// the page benchmark's profile): one per time zone, kept.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(name: "date" | "date-time" | "day-month"): Intl.DateTimeFormat {
  const timeZone = env().PUBLICATION_TIMEZONE;
  const key = `${name} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format =
      name === "date"
        ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone })
        : name === "day-month"
          ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone })
          : new Intl.DateTimeFormat("en-GB", {
              day: "numeric",
              month: "short",
              year: "numeric",
              hour: "2-digit",
              minute: "2-digit",
              timeZone,
              timeZoneName: "short",
            });
    formats.set(key, format);
  }
  return format;
}

export function formatDate(date: Date): string {
  return formatFor("date").format(date);
}

/**
 * The last day a period covers, for a period stored with an exclusive end
 * (the midnight after its last day, in PUBLICATION_TIMEZONE: a complimentary
 * grant). Every page that shows such an end says this day.
 */
export function formatLastDay(exclusiveEnd: Date): string {
  return formatDate(new Date(exclusiveEnd.getTime() - 1));
}

/** "1 January": a date within the coming weeks (the meter's reset). */
export function formatDayMonth(date: Date): string {
  return formatFor("day-month").format(date);
}

/** Date and time to the minute, in the publication's time zone, with its name. */
export function formatDateTime(date: Date): string {
  return formatFor("date-time").format(date);
}

export function kindLabel(kind: ArticleKind): string {
  return kind === "in_depth" ? "In-Depth" : "Daily Analysis";
}
