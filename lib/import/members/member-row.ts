// One reader as a members CSV describes them, whichever platform wrote it,
// and the checks every format shares: the address, yes/no cells, dates,
// names and Stripe customer ids. ghost-member-row.ts and
// substack-member-row.ts read their platform's columns into this.
import { createHash } from "node:crypto";
import { z } from "zod";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import type { MembersCsvRecord } from "./members-csv";
import type { MembersFormat } from "./members-format";

export type MemberRow = {
  line: number;
  /** Normalised (normalize-email.ts): the key of the reader in Folio and in imported_items. */
  email: string;
  name: string | null;
  /** When the reader joined at the source; null when the file does not say. */
  createdAt: Date | null;
  /** Whether the source sends them email (Ghost subscribed_to_emails, Substack not email_disabled). */
  newsletters: boolean;
  /** Complimentary access at the source; `until` null when it has no end there. */
  comp: { until: Date | null } | null;
  stripeCustomerId: string | null;
  /** Paying at the source: with a Stripe customer, their subscriptions are read from Stripe. */
  paid: boolean;
  /** Said in the report, though the row is imported (a paid reader whose customer is unknown, say). */
  warning?: string;
};

export type MemberRowResult = { ok: true; row: MemberRow } | { ok: false; problem: string };

/** Ghost keeps names to 191 characters: a longer one is not from a members export. */
export const MAX_NAME_CHARS = 191;

/** A cell as the report quotes it: short, on one line. */
export function quoted(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(shown);
}

/** The address, normalised, or the reason it is not one. */
export const emailCell = z.string().transform((value, context) => {
  const email = normalizeEmail(value);
  if (email) return email;
  context.addIssue({
    code: "custom",
    message: value.trim() === "" ? "the row has no email address" : `${quoted(value)} is not an email address`,
  });
  return z.NEVER;
});

const YES = new Set(["true", "yes", "1"]);
const NO = new Set(["false", "no", "0"]);

/** A yes/no cell; empty or absent is `fallback`. */
export function flagCell(column: string, fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      const text = (value ?? "").trim().toLowerCase();
      if (text === "") return fallback;
      if (YES.has(text)) return true;
      if (NO.has(text)) return false;
      context.addIssue({ code: "custom", message: `${column} is ${quoted(value!)}, not true or false` });
      return z.NEVER;
    });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/** An ISO 8601 date, or date and time, as Ghost and Substack write them; without a zone, UTC. */
export function parseSourceDate(text: string): Date | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hours = "00", minutes = "00", seconds = "00", fraction = "", zone] = match;
  // Date would roll 31 February over into March: such a day is not a date.
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) return null;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  const offset = !zone || /^(z|utc)$/i.test(zone) ? "Z" : zone.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
  const date = new Date(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}${fraction.slice(0, 4)}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function dateCell(column: string) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") return null;
      const date = parseSourceDate(value);
      if (date) return date;
      context.addIssue({ code: "custom", message: `${column} is ${quoted(value)}, not a date` });
      return z.NEVER;
    });
}

export const nameCell = z
  .string()
  .optional()
  .transform((value, context) => {
    // Ghost's export guards against spreadsheet formulas by putting a quote
    // before a cell that starts with =, +, -, @ or a tab: the name is without it.
    const name = (value ?? "").replace(/^'(?=[=+\-@\t\r])/, "").trim();
    if (name === "") return null;
    if (name.length > MAX_NAME_CHARS) {
      context.addIssue({
        code: "custom",
        message: `the name is ${name.length.toLocaleString("en-US")} characters long, more than the ${MAX_NAME_CHARS} a name may have`,
      });
      return z.NEVER;
    }
    return name;
  });

const CUSTOMER_ID = /^cus_[A-Za-z0-9]{1,250}$/;

export function customerCell(column: string) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      const id = (value ?? "").trim();
      if (id === "") return null;
      if (CUSTOMER_ID.test(id)) return id;
      context.addIssue({ code: "custom", message: `${column} ${quoted(value!)} is not a Stripe customer id` });
      return z.NEVER;
    });
}

/** The row's cells as an object for a zod schema; unknown columns are left out by the schema. */
export function cellsOf(record: MembersCsvRecord): Record<string, string> {
  return Object.fromEntries(record.cells);
}

/** The first reason a schema gives, or a problem for a row whose field count is not the header's. */
export function shapeProblem(record: MembersCsvRecord, columns: number): string | null {
  if (record.fields === columns) return null;
  return `the row has ${record.fields} fields where the first line has ${columns} columns`;
}

export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "the row cannot be read";
}

/** What the import keeps of a row, hashed: the same row imported again is recognised as unchanged. */
export function memberRowHash(format: MembersFormat, row: MemberRow): string {
  const facts = [
    format,
    row.email,
    row.name,
    row.createdAt?.toISOString() ?? null,
    row.newsletters,
    row.comp ? (row.comp.until?.toISOString() ?? "no end") : null,
    row.stripeCustomerId,
    row.paid,
  ];
  return createHash("sha256").update(JSON.stringify(facts)).digest("base64url");
}
