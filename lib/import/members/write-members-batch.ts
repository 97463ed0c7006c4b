// Writes a planned batch (plan-members-batch.ts) in the caller's
// transaction: the new readers, what existing readers gain, their newsletter
// rows, their subscriptions through the webhooks' own sync, and the
// imported_items rows that make the next run of the same file a no-op.
// Every write is guarded (ON CONFLICT, WHERE ... IS NULL), so a reader who
// signs up or changes a choice while the batch was being planned keeps what
// they did; a sign-up with the same address makes the batch run again.
import { storeSubscription } from "@/lib/billing/subscription-sync";
import type { Prisma } from "@/lib/db/prisma";
import { queueWelcomeMail, registrationWelcomeKey, subscriptionWelcomeKey } from "@/lib/mail/queue-welcome-mail";
import type { MembersFormat } from "./members-format";
import type { PlannedMember } from "./plan-members-batch";
import { readerKey } from "./reader-key";

type Tx = Prisma.TransactionClient;

/** The database changed under the plan (an account with one of the addresses appeared): plan again. */
export class PlanOutdatedError extends Error {}

export type WriteOptions = { source: MembersFormat; sendWelcome: boolean; now: Date };

async function createReaders(tx: Tx, members: PlannedMember[], now: Date): Promise<Map<string, string>> {
  const created = members.filter((member) => member.existing === null);
  if (created.length === 0) return new Map();
  const rows = await tx.user.createManyAndReturn({
    data: created.map(({ row, compUntil }) => ({
      email: row.email,
      name: row.name,
      // A date after the import (a clock gone wrong at the source) is not a sign-up date.
      createdAt: row.createdAt && row.createdAt.getTime() < now.getTime() ? row.createdAt : now,
      compUntil,
      stripeCustomerId: row.stripeCustomerId,
    })),
    skipDuplicates: true,
    select: { id: true, email: true },
  });
  if (rows.length !== created.length) throw new PlanOutdatedError("an account was created while the batch was planned");
  return new Map(rows.map((row) => [row.email, row.id]));
}

async function updateReaders(tx: Tx, members: PlannedMember[]): Promise<void> {
  for (const { existing, row, setName, compUntil, linkCustomer } of members) {
    if (!existing) continue;
    const id = existing.id;
    if (setName) await tx.user.updateMany({ where: { id, name: null }, data: { name: row.name } });
    if (compUntil) {
      await tx.user.updateMany({
        where: { id, OR: [{ compUntil: null }, { compUntil: { lt: compUntil } }] },
        data: { compUntil },
      });
    }
    if (linkCustomer) {
      const linked = await tx.user.updateMany({
        where: { id, stripeCustomerId: null },
        data: { stripeCustomerId: row.stripeCustomerId },
      });
      if (linked.count === 0) throw new PlanOutdatedError(`${row.email} was given a Stripe customer meanwhile`);
    }
  }
}

export async function writeMembersBatch(tx: Tx, members: PlannedMember[], options: WriteOptions): Promise<void> {
  const { now, sendWelcome } = options;
  const created = await createReaders(tx, members, now);
  await updateReaders(tx, members);
  const idOf = (member: PlannedMember) => member.existing?.id ?? created.get(member.row.email)!;

  await tx.newsletterSubscription.createMany({
    data: members.flatMap((member) => member.newsletters.map((choice) => ({ userId: idOf(member), ...choice }))),
    skipDuplicates: true,
  });

  // The sync queues a welcome when a subscription first grants access, once
  // per subscription: the row in welcome_mails is what makes it once
  // (queue-welcome-mail.ts). Recording the welcome as settled before the
  // sync (sent_at set, though nothing is sent: the welcome sweep retries
  // only rows without it) keeps the sync from mailing readers who moved
  // with their subscription, now and when a later webhook about the same
  // subscription arrives. Asked to welcome them, the import lets the sync
  // queue the welcome as it would for a new subscriber.
  if (!sendWelcome) {
    await tx.welcomeMail.createMany({
      data: members.flatMap((member) =>
        member.subscriptions.map(({ subscription }) => ({
          key: subscriptionWelcomeKey(subscription.id),
          userId: idOf(member),
          kind: "subscription",
          sentAt: now,
        })),
      ),
      skipDuplicates: true,
    });
  }
  for (const member of members) {
    for (const read of member.subscriptions) await storeSubscription(tx, read, now);
  }
  // A new reader who is neither a subscriber (welcomed by the sync) nor
  // comped (a grant in the newsroom sends nothing either) gets the welcome
  // of a new account, when asked.
  if (sendWelcome) {
    for (const member of members) {
      if (member.existing || member.subscriber || member.compUntil) continue;
      const userId = idOf(member);
      await queueWelcomeMail(tx, { key: registrationWelcomeKey(userId), kind: "registration", userId });
    }
  }

  if (members.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO imported_items (source, kind, external_key, target_id, content_hash)
    SELECT ${options.source}, 'reader', r.external_key, r.target_id, r.content_hash
    FROM unnest(${members.map((member) => readerKey(member.row.email))}::text[],
                ${members.map(idOf)}::uuid[],
                ${members.map((member) => member.hash)}::text[]) AS r(external_key, target_id, content_hash)
    ON CONFLICT (source, kind, external_key)
    DO UPDATE SET target_id = EXCLUDED.target_id, content_hash = EXCLUDED.content_hash, imported_at = now()`;
}
