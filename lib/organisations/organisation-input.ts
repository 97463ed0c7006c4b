// The admin's organisation form, read and checked before anything is looked
// up: every problem is named next to its field, and a form with any problem
// changes nothing. What needs the database (a domain or range another
// organisation holds, the manager's account, seats below the members) is
// checked when saving (save-organisation.ts).
import { parseCalendarDay, type CalendarDay } from "@/lib/calendar/calendar-day";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { parseEmailDomain } from "./email-domains";
import { overlapWithin, parseIpRange, type IpRange } from "./ip-ranges";
import { periodOfDays, type OrganisationPeriod } from "./organisation-period";

export const ORGANISATION_FIELDS = ["name", "firstDay", "lastDay", "domains", "ipRanges", "seats", "manager"] as const;

export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

/** The form as typed: what a refused save shows again. */
export type OrganisationForm = Record<OrganisationField, string>;

export type FieldErrors = Partial<Record<OrganisationField, string>>;

/** What the form shows after a refused save: the fields as typed, the problems and a message. */
export type OrganisationFormState = { form: OrganisationForm; errors: FieldErrors; message?: string };

export type OrganisationInput = {
  name: string;
  firstDay: CalendarDay;
  lastDay: CalendarDay;
  period: OrganisationPeriod;
  domains: string[];
  ranges: IpRange[];
  seats: number | null;
  managerEmail: string | null;
};

export const NAME_MAX = 200;
export const MAX_SEATS = 100_000;
export const MAX_LIST_ENTRIES = 200;
// What the form keeps of a field to show again; anything longer is refused anyway.
const KEPT_CHARACTERS = 20_000;
const MAX_DAYS = 3_660;

export const EMPTY_FORM: OrganisationForm = {
  name: "",
  firstDay: "",
  lastDay: "",
  domains: "",
  ipRanges: "",
  seats: "",
  manager: "",
};

/** The form's fields from whatever was posted: strings only, cut to a length worth showing again. */
export function readOrganisationForm(raw: Record<string, unknown>): OrganisationForm {
  const form = { ...EMPTY_FORM };
  for (const field of ORGANISATION_FIELDS) {
    const value = raw[field];
    if (typeof value === "string") form[field] = value.slice(0, KEPT_CHARACTERS);
  }
  return form;
}

/** Entries of a list field: one per line, or separated by commas, semicolons or spaces. */
export function listEntries(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((entry) => entry !== ""))];
}

function readName(text: string): { name: string } | { error: string } {
  const name = text.trim();
  if (name === "") return { error: "Give the organisation a name." };
  if (name.length > NAME_MAX)
    return { error: `The name can be at most ${NAME_MAX} characters (this one has ${name.length}).` };
  if (/[\u0000-\u001f\u007f]/.test(name))
    return { error: "The name cannot contain line breaks or control characters." };
  return { name };
}

function readList<T>(
  text: string,
  parse: (entry: string) => { ok: true; value: T } | { ok: false; message: string },
  noun: string,
): { values: T[] } | { error: string } {
  const entries = listEntries(text);
  if (entries.length > MAX_LIST_ENTRIES) return { error: `At most ${MAX_LIST_ENTRIES} ${noun} per organisation.` };
  const values: T[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const parsed = parse(entry);
    if (parsed.ok) values.push(parsed.value);
    else problems.push(parsed.message);
  }
  if (problems.length > 0) return { error: problems.slice(0, 5).join(" ") };
  return { values };
}

export function parseOrganisationInput(
  form: OrganisationForm,
  timeZone: string,
): { ok: true; input: OrganisationInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = readName(form.name);
  if ("error" in name) errors.name = name.error;

  const firstDay = parseCalendarDay(form.firstDay);
  const lastDay = parseCalendarDay(form.lastDay);
  if (!firstDay) errors.firstDay = "Give the first day as a date (YYYY-MM-DD).";
  if (!lastDay) errors.lastDay = "Give the last day as a date (YYYY-MM-DD).";
  let period: OrganisationPeriod | null = null;
  if (firstDay && lastDay) {
    period = periodOfDays(firstDay, lastDay, timeZone);
    const days = (period.endsAt.getTime() - period.startsAt.getTime()) / 86_400_000;
    if (lastDay < firstDay) errors.lastDay = "The last day cannot come before the first.";
    else if (days > MAX_DAYS) errors.lastDay = "An organisation's access can last at most ten years; renew it then.";
  }

  const domains = readList(
    form.domains,
    (entry) => {
      const parsed = parseEmailDomain(entry);
      return parsed.ok ? { ok: true, value: parsed.domain } : parsed;
    },
    "domains",
  );
  if ("error" in domains) errors.domains = domains.error;

  const ranges = readList(
    form.ipRanges,
    (entry) => {
      const parsed = parseIpRange(entry);
      return parsed.ok ? { ok: true, value: parsed.range } : parsed;
    },
    "IP ranges",
  );
  if ("error" in ranges) errors.ipRanges = ranges.error;
  else {
    const overlap = overlapWithin(ranges.values);
    if (overlap) errors.ipRanges = `${overlap[0].cidr} and ${overlap[1].cidr} overlap: list each address once.`;
  }

  const seatsText = form.seats.trim();
  let seats: number | null = null;
  if (seatsText !== "") {
    seats = /^\d{1,6}$/.test(seatsText) ? Number(seatsText) : NaN;
    if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) {
      errors.seats = `Seats are a whole number from 1 to ${MAX_SEATS.toLocaleString("en-GB")}, or empty for none.`;
    }
  }
  const managerText = form.manager.trim();
  const managerEmail = managerText === "" ? null : normalizeEmail(managerText);
  if (managerText !== "" && managerEmail === null) {
    errors.manager = "That is not an email address: give the manager's, like name@example.org.";
  } else if (seatsText !== "" && managerEmail === null) {
    errors.manager = "Seats need a manager, who invites and removes members: give the address they sign in with.";
  } else if (seatsText === "" && managerEmail !== null) {
    errors.seats = "A manager manages seats: give the number of seats too, or leave the manager empty.";
  }

  if (Object.keys(errors).length > 0 || "error" in name || "error" in domains || "error" in ranges || !period) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      name: name.name,
      firstDay: firstDay!,
      lastDay: lastDay!,
      period,
      domains: domains.values,
      ranges: ranges.values,
      seats,
      managerEmail,
    },
  };
}
