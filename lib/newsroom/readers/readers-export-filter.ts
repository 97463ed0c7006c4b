// Which readers the CSV export lists, from the query string of the export
// form. Anything it does not understand is refused with a sentence an admin
// can act on, before anything is read or logged.
import { z } from "zod";
import { NEWSLETTERS, type NewsletterKey } from "@/lib/account/newsletter-choices";
import { parseCalendarDay, type CalendarDay } from "@/lib/calendar/calendar-day";
import type { ReaderPlan } from "./reader-plan";

/** "subscriber" is any paid plan that gives access now (reader-plan.ts); comp and free as there. */
export const EXPORT_PLANS = ["all", "subscriber", "comp", "free"] as const;
export const EXPORT_NEWSLETTERS = ["any", "none", ...NEWSLETTERS] as const;

export type ExportPlan = (typeof EXPORT_PLANS)[number];
export type ExportNewsletter = (typeof EXPORT_NEWSLETTERS)[number];

export type ReadersExportFilter = {
  plan: ExportPlan;
  newsletter: ExportNewsletter;
  /** Signed up on or after this day, in the publication's time zone. */
  from: CalendarDay | null;
  /** Signed up on or before this day (the whole day), in the publication's time zone. */
  to: CalendarDay | null;
};

export type FilterParse = { ok: true; filter: ReadersExportFilter } | { ok: false; message: string };

// Nobody signed up before the Unix epoch or will after 2100: a date outside
// is a typing slip, better refused than silently matching nothing.
export const EARLIEST_DAY: CalendarDay = "1970-01-01";
export const LATEST_DAY: CalendarDay = "2100-12-31";
const MAX_YEARS = 50;

const FIELDS = ["plan", "newsletter", "from", "to"] as const;

function day(label: string) {
  return z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return null;
      const parsed = parseCalendarDay(text);
      if (!parsed) {
        context.addIssue({
          code: "custom",
          message: `${label} must be a date on the calendar, written YYYY-MM-DD (such as 2026-12-01).`,
        });
        return z.NEVER;
      }
      if (parsed < EARLIEST_DAY || parsed > LATEST_DAY) {
        context.addIssue({ code: "custom", message: `${label} must fall between ${EARLIEST_DAY} and ${LATEST_DAY}.` });
        return z.NEVER;
      }
      return parsed;
    });
}

/** YYYY-MM-DD strings compare as the days they name. */
function yearsLater(day: CalendarDay, years: number): CalendarDay {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, "0")}${day.slice(4)}`;
}

const schema = z
  .object({
    plan: z.enum(EXPORT_PLANS, { error: `Plan must be one of: ${EXPORT_PLANS.join(", ")}.` }).default("all"),
    newsletter: z
      .enum(EXPORT_NEWSLETTERS, { error: `Newsletter must be one of: ${EXPORT_NEWSLETTERS.join(", ")}.` })
      .default("any"),
    from: day("The first sign-up day"),
    to: day("The last sign-up day"),
  })
  .superRefine(({ from, to }, context) => {
    if (from === null || to === null) return;
    if (from > to) {
      context.addIssue({ code: "custom", message: `The first sign-up day (${from}) is after the last (${to}).` });
    } else if (to > yearsLater(from, MAX_YEARS)) {
      context.addIssue({
        code: "custom",
        message: `Choose sign-up days at most ${MAX_YEARS} years apart, or leave one of them empty.`,
      });
    }
  });

/**
 * The filter in a query string. An empty field is the same as a missing one
 * (the form sends every field); a field given twice is refused, since which
 * of the two was meant cannot be known.
 */
export function parseReadersExportFilter(params: URLSearchParams): FilterParse {
  const raw: Record<string, string> = {};
  for (const field of FIELDS) {
    const values = params.getAll(field);
    if (values.length > 1) return { ok: false, message: `Give ${field} once.` };
    const value = values[0]?.trim();
    if (value) raw[field] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "The filter is not valid." };
  return { ok: true, filter: parsed.data };
}

/** Whether a reader, with the plan and newsletters decided for them, is one the filter lists. */
export function matchesExportFilter(
  filter: ReadersExportFilter,
  reader: { plan: ReaderPlan; newsletters: NewsletterKey[] },
): boolean {
  return planMatches(filter.plan, reader.plan) && newsletterMatches(filter.newsletter, reader.newsletters);
}

function planMatches(wanted: ExportPlan, plan: ReaderPlan): boolean {
  if (wanted === "all") return true;
  // Monthly, annual or another price: every paid plan that gives access now.
  if (wanted === "subscriber") return plan !== "comp" && plan !== "free";
  return plan === wanted;
}

function newsletterMatches(wanted: ExportNewsletter, received: NewsletterKey[]): boolean {
  if (wanted === "any") return true;
  if (wanted === "none") return received.length === 0;
  return received.includes(wanted);
}
