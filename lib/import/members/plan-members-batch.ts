// What importing a batch of rows would change, read before anything is
// written (a dry run stops here). A row imported before and unchanged since
// (imported_items, same hash) is left alone without asking Stripe. Otherwise
// a new address becomes a reader; an existing reader only gains what the
// import adds: a name where there is none, a comp that ends later, the
// Stripe customer where there is none, the newsletter choices they never
// made in Folio. Nothing is taken away. A Stripe customer that is another
// account's, or that Stripe does not know, makes the row a problem. A
// reader an earlier import made is left alone once they changed their
// address in Folio, and not made again once their account was deleted.
import { subscriptionGrantsAccess } from "@/lib/access/decide-access";
import type { NewsletterKey } from "@/lib/account/newsletter-choices";
import type { SubscriptionRead } from "@/lib/billing/subscription-sync";
import { db } from "@/lib/db/prisma";
import { readCustomerSubscriptions } from "./customer-subscriptions";
import { importedCompUntil } from "./imported-comp-until";
import { memberRowHash, type MemberRow } from "./member-row";
import type { MembersFormat } from "./members-format";
import { readerKey } from "./reader-key";

export type ExistingReader = {
  id: string;
  email: string;
  name: string | null;
  compUntil: Date | null;
  stripeCustomerId: string | null;
};

export type NewsletterRow = { newsletter: NewsletterKey; subscribed: boolean };

export type PlannedMember = {
  row: MemberRow;
  hash: string;
  existing: ExistingReader | null;
  /** The comp_until to write: a new reader's comp, or an end later than the existing reader's. */
  compUntil: Date | null;
  setName: boolean;
  linkCustomer: boolean;
  /** Newsletter rows to write: only where the reader has none. */
  newsletters: NewsletterRow[];
  subscriptions: SubscriptionRead[];
  /** Subscriptions Folio has no copy of yet. */
  newSubscriptions: number;
  /** A subscription of theirs lets them read everything now. */
  subscriber: boolean;
  outcome: "created" | "updated" | "unchanged";
};

export type PlanContext = { format: MembersFormat; now: Date; timeZone: string; graceDays: number };

export type BatchPlan = {
  members: PlannedMember[];
  /** Rows imported before, with the same hash: nothing to do. */
  alreadyImported: number;
  problems: { line: number; reason: string }[];
};

/**
 * A reader who receives email gets the free newsletter; the Reviews are left
 * to their default (a subscriber receives them). One who receives none at
 * the source has every newsletter switched off, so that no issue reaches
 * them after the move (issue-recipients.ts reads these rows).
 */
function newsletterRows(receives: boolean): NewsletterRow[] {
  if (receives) return [{ newsletter: "free", subscribed: true }];
  return (["free", "daily_review", "weekly_review"] as const).map((newsletter) => ({ newsletter, subscribed: false }));
}

function grantsAccess(read: SubscriptionRead, now: Date, graceDays: number): boolean {
  const { subscription } = read;
  const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;
  return subscriptionGrantsAccess(
    {
      status: subscription.status,
      currentPeriodEnd: new Date(periodEnd * 1000),
      pastDueSince: null,
      endedAt: subscription.ended_at ? new Date(subscription.ended_at * 1000) : null,
    },
    now,
    graceDays,
  );
}

export async function planMembersBatch(rows: MemberRow[], context: PlanContext): Promise<BatchPlan> {
  const emails = rows.map((row) => row.email);
  const keyOf = new Map(rows.map((row) => [row.email, readerKey(row.email)]));
  const [users, items] = await Promise.all([
    db().user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, name: true, compUntil: true, stripeCustomerId: true },
    }),
    db().importedItem.findMany({
      where: { source: context.format, kind: "reader", externalKey: { in: [...keyOf.values()] } },
      select: { externalKey: true, targetId: true, contentHash: true },
    }),
  ]);
  const byEmail = new Map(users.map((user) => [user.email, user]));
  const itemByKey = new Map(items.map((item) => [item.externalKey, item]));
  const hereByKey = new Set(users.map((user) => readerKey(user.email)));
  const plan: BatchPlan = { members: [], alreadyImported: 0, problems: [] };

  // Readers an earlier import made who are no longer at their address:
  // they changed it in Folio, or their account was deleted.
  const movedOn = items.filter((item) => !hereByKey.has(item.externalKey)).map((item) => item.targetId);
  const stillHere = new Set(
    movedOn.length === 0
      ? []
      : (await db().user.findMany({ where: { id: { in: movedOn } }, select: { id: true } })).map((user) => user.id),
  );

  const pending: { row: MemberRow; hash: string; existing: ExistingReader | null }[] = [];
  for (const row of rows) {
    const hash = memberRowHash(context.format, row);
    const existing = byEmail.get(row.email) ?? null;
    const item = itemByKey.get(keyOf.get(row.email)!);
    if (existing && item?.targetId === existing.id && item.contentHash === hash) plan.alreadyImported += 1;
    else if (!existing && item && stillHere.has(item.targetId)) plan.alreadyImported += 1;
    else if (!existing && item) {
      // A reader who deleted their account is not brought back by importing the old list again.
      plan.problems.push({
        line: row.line,
        reason: `the account an earlier import made for ${row.email} was deleted since: not imported again`,
      });
    } else pending.push({ row, hash, existing });
  }

  const customerIds = pending.flatMap(({ row }) => (row.stripeCustomerId ? [row.stripeCustomerId] : []));
  const owners = await db().user.findMany({
    where: { stripeCustomerId: { in: customerIds } },
    select: { email: true, stripeCustomerId: true },
  });
  const ownerOf = new Map(owners.map((owner) => [owner.stripeCustomerId!, owner.email]));
  const linkable = pending.filter(({ row, existing }) => {
    const customer = row.stripeCustomerId;
    if (!customer) return true;
    const owner = ownerOf.get(customer);
    if (owner !== undefined && owner !== row.email) {
      plan.problems.push({
        line: row.line,
        reason: `Stripe customer ${customer} belongs to another Folio account (${owner}): not imported`,
      });
      return false;
    }
    if (existing?.stripeCustomerId && existing.stripeCustomerId !== customer) {
      plan.problems.push({
        line: row.line,
        reason: `the Folio account ${row.email} has Stripe customer ${existing.stripeCustomerId}, not ${customer}: not imported`,
      });
      return false;
    }
    return true;
  });

  const [reads, choices] = await Promise.all([
    readCustomerSubscriptions(linkable.flatMap(({ row }) => (row.stripeCustomerId ? [row.stripeCustomerId] : []))),
    db().newsletterSubscription.findMany({
      where: { userId: { in: linkable.flatMap(({ existing }) => (existing ? [existing.id] : [])) } },
      select: { userId: true, newsletter: true },
    }),
  ]);
  const chosen = new Set(choices.map((choice) => `${choice.userId}:${choice.newsletter}`));

  for (const { row, hash, existing } of linkable) {
    const read = row.stripeCustomerId ? reads.get(row.stripeCustomerId) : undefined;
    if (read && !read.found) {
      plan.problems.push({ line: row.line, reason: `${read.reason}: not imported` });
      continue;
    }
    const subscriptions = read?.subscriptions ?? [];
    const comp = importedCompUntil(row.comp, context.timeZone, context.now);
    const compUntil = comp && (!existing?.compUntil || existing.compUntil.getTime() < comp.getTime()) ? comp : null;
    const setName = existing !== null && existing.name === null && row.name !== null;
    const linkCustomer = row.stripeCustomerId !== null && !existing?.stripeCustomerId;
    const newsletters = newsletterRows(row.newsletters).filter(
      (choice) => !existing || !chosen.has(`${existing.id}:${choice.newsletter}`),
    );
    const newSubscriptions = subscriptions.filter((subscription) => subscription.seenVersion === null).length;
    const changes = compUntil !== null || setName || linkCustomer || newsletters.length > 0 || newSubscriptions > 0;
    plan.members.push({
      row,
      hash,
      existing,
      compUntil,
      setName,
      linkCustomer,
      newsletters,
      subscriptions,
      newSubscriptions,
      subscriber: subscriptions.some((subscription) => grantsAccess(subscription, context.now, context.graceDays)),
      outcome: existing === null ? "created" : changes ? "updated" : "unchanged",
    });
  }
  return plan;
}
