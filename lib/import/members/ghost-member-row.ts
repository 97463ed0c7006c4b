// A row of Ghost's members export. Ghost writes subscribed_to_emails and
// complimentary_plan as true/false, created_at as ISO 8601 in UTC, and the
// member's Stripe customer when they ever paid. Its own importer reads an
// empty subscribed_to_emails as subscribed and an empty complimentary_plan
// as not comped; so does this. Older exports and other tools write a status
// column ("free", "paid", "comped"): "comped" counts as comp too. Labels,
// tiers, notes and Ghost's ids are not kept.
import { z } from "zod";
import type { MembersCsvRecord } from "./members-csv";
import {
  cellsOf,
  customerCell,
  dateCell,
  emailCell,
  firstIssue,
  flagCell,
  nameCell,
  quoted,
  shapeProblem,
  type MemberRowResult,
} from "./member-row";

const ghostCells = z.object({
  email: emailCell,
  name: nameCell,
  subscribed_to_emails: flagCell("subscribed_to_emails", true),
  complimentary_plan: flagCell("complimentary_plan", false),
  status: z.string().optional(),
  stripe_customer_id: customerCell("stripe_customer_id"),
  created_at: dateCell("created_at"),
  deleted_at: z.string().optional(),
});

export function readGhostMemberRow(record: MembersCsvRecord, columns: number): MemberRowResult {
  const shape = shapeProblem(record, columns);
  if (shape) return { ok: false, problem: shape };
  const parsed = ghostCells.safeParse(cellsOf(record));
  if (!parsed.success) return { ok: false, problem: firstIssue(parsed.error) };
  const cells = parsed.data;
  const deletedAt = cells.deleted_at?.trim();
  if (deletedAt) return { ok: false, problem: `the member was deleted at Ghost (deleted_at ${quoted(deletedAt)})` };
  const comped = cells.complimentary_plan || cells.status?.trim().toLowerCase() === "comped";
  return {
    ok: true,
    row: {
      line: record.line,
      email: cells.email,
      name: cells.name,
      createdAt: cells.created_at,
      newsletters: cells.subscribed_to_emails,
      // Ghost's complimentary plan has no end.
      comp: comped ? { until: null } : null,
      stripeCustomerId: cells.stripe_customer_id,
      // Ghost names a Stripe customer only for members who paid.
      paid: cells.stripe_customer_id !== null,
    },
  };
}
