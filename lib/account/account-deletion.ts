// Deleting an account, after the reader confirms by email. Active
// subscriptions are cancelled at Stripe first; then everything personal is
// erased. Invoices stay as the publisher's payment records, without the
// person (their user link is cleared; they never held a name or address).
// This month's count of free articles stays until the month ends, under a
// keyed hash of the address (lib/access/departed-meters.ts), so that deleting
// and signing up again gives no new free articles. The cancellation is
// written to the subscription's history and counted for the insights here:
// Stripe's later events about it find no account to give it to.
import { keepDepartedMeter, purgeDepartedMeters } from "@/lib/access/departed-meters";
import { publicUrl } from "@/lib/config/env";
import { stripe } from "@/lib/billing/stripe-client";
import { countLifecycle } from "@/lib/billing/subscription-sync";
import { recordSubscriptionChange } from "@/lib/insights/subscription-history";
import { db } from "@/lib/db/prisma";
import { sendMail } from "@/lib/mail/send-mail";
import { deletionConfirmationMail } from "./account-mails";
import { consumeAccountToken, issueAccountToken } from "./account-tokens";

const LIVE_STATUSES = new Set(["active", "trialing", "past_due", "unpaid", "incomplete", "paused"]);

export async function requestAccountDeletion(reader: { id: string; email: string }): Promise<"sent" | "limited"> {
  const issued = await issueAccountToken(reader.id, "deletion");
  if (!issued.issued) return "limited";
  const url = `${publicUrl()}/account/confirm-delete?${new URLSearchParams({ token: issued.token })}`;
  await sendMail(deletionConfirmationMail(reader.email, url));
  return "sent";
}

export type DeletionResult = "deleted" | "invalid-link";

export async function confirmAccountDeletion(token: string, now = new Date()): Promise<DeletionResult> {
  const consumed = await consumeAccountToken(token, "deletion");
  if (!consumed) return "invalid-link";
  const user = await db().user.findUnique({ where: { id: consumed.userId }, include: { subscriptions: true } });
  if (!user) return "invalid-link";

  // Stripe first: a reader must never be charged again for a deleted account.
  const live = user.subscriptions.filter((subscription) => LIVE_STATUSES.has(subscription.status));
  const canceled = await Promise.all(
    live.map(async (before) => ({ before, after: await stripe().subscriptions.cancel(before.id) })),
  );

  await db().$transaction(async (tx) => {
    // Locked first, as spending a free article locks it: no unlock can be
    // added between the month's count and the deletion.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    await keepDepartedMeter(tx, user, now);
    for (const { before, after } of canceled) {
      await recordSubscriptionChange(tx, after, now);
      await countLifecycle(tx, before, after, now);
    }
    await purgeDepartedMeters(tx, now);
    const invoicesKept = await tx.invoice.count({ where: { userId: user.id } });
    await tx.invoice.updateMany({ where: { userId: user.id }, data: { userId: null } });
    await tx.subscription.deleteMany({ where: { userId: user.id } });
    await tx.signInRequest.deleteMany({ where: { email: user.email } });
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    // Sessions, accounts, unlocks, newsletter choices and account tokens go
    // with the user row (ON DELETE CASCADE).
    await tx.user.delete({ where: { id: user.id } });
    await tx.accountDeletion.create({ data: { hadSubscription: user.subscriptions.length > 0, invoicesKept } });
  });
  return "deleted";
}
