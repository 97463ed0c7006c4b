// A row of Substack's subscriber export. The email list (email,
// active_subscription, expiry, plan, email_disabled, created_at, ...) says
// what each reader has in `plan`: "other" (or nothing) for free, "comp",
// "gift", or the paid plan ("monthly", "yearly", "founding", ...); the older
// subscriber list says it in `type` ("free", "paid", "comp", "gift") and
// names the reader's Stripe customer (stripe_connected_customer_id: the
// publication's own Stripe account, connected to Substack).
//
// Comp and gift both become comp access until `expiry` (none: no end): a
// gift was paid for by someone else, and Folio has no gifts, only comp. A
// paid reader is a subscriber in Folio only through their Stripe customer;
// one without it is imported as a free reader, and the report says so.
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
  shapeProblem,
  type MemberRowResult,
} from "./member-row";

const substackCells = z.object({
  email: emailCell,
  name: nameCell,
  email_disabled: flagCell("email_disabled", false),
  // Absent in the older subscriber list, where every row is current.
  active_subscription: flagCell("active_subscription", true),
  plan: z.string().optional(),
  type: z.string().optional(),
  expiry: dateCell("expiry"),
  created_at: dateCell("created_at"),
  stripe_connected_customer_id: customerCell("stripe_connected_customer_id"),
  stripe_customer_id: customerCell("stripe_customer_id"),
});

const FREE_PLANS = new Set(["", "other", "free"]);
const COMP_PLANS = new Set(["comp", "gift"]);

// Substack replaces the address of a reader who asked to be deleted.
const DELETION_REQUEST = /@deletion-request\.substack\.com$/;

export function readSubstackMemberRow(record: MembersCsvRecord, columns: number): MemberRowResult {
  const shape = shapeProblem(record, columns);
  if (shape) return { ok: false, problem: shape };
  const parsed = substackCells.safeParse(cellsOf(record));
  if (!parsed.success) return { ok: false, problem: firstIssue(parsed.error) };
  const cells = parsed.data;
  if (DELETION_REQUEST.test(cells.email)) {
    return { ok: false, problem: "the reader asked Substack to delete their data: not imported" };
  }
  const plan = (cells.plan?.trim() || cells.type?.trim() || "").toLowerCase();
  const current = cells.active_subscription;
  const comp = current && COMP_PLANS.has(plan) ? { until: cells.expiry } : null;
  const paid = current && !FREE_PLANS.has(plan) && !COMP_PLANS.has(plan);
  const customer = cells.stripe_connected_customer_id ?? cells.stripe_customer_id;
  return {
    ok: true,
    row: {
      line: record.line,
      email: cells.email,
      name: cells.name,
      createdAt: cells.created_at,
      newsletters: !cells.email_disabled,
      comp,
      stripeCustomerId: customer,
      paid,
      ...(paid && !customer
        ? { warning: `a paying subscriber (plan ${plan}) with no Stripe customer id: imported as a free reader` }
        : {}),
    },
  };
}
