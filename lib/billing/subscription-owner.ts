// Whose subscription is it? A signed-in reader's checkout names them in the
// subscription's metadata; a subscription Folio already knows the customer
// of belongs to that customer's reader; and one bought by a visitor belongs
// to the account of the address they gave in Checkout, created now if there
// is none. Which of the last two happened is recorded (checkout_buyers): the
// browser that paid may be signed in only to an account its purchase
// created, so paying with someone else's address attaches the subscription
// to their account without opening it to the payer.
import { normalizeEmail } from "@/lib/auth/normalize-email";
import type { Prisma } from "@/lib/db/prisma";
import { userIdForCustomer } from "./customers";
import { idOf } from "./stripe-id";
import type { Stripe } from "./stripe-client";

type Tx = Prisma.TransactionClient;

export class UnattributableSubscriptionError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account for `email`, created if new; `created` says whether this call created it. */
async function accountFor(tx: Tx, email: string): Promise<{ id: string; created: boolean }> {
  // ON CONFLICT: a second event about the same purchase, racing this one,
  // waits for it and then finds the account it made.
  const [created] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO users (email) VALUES (${email}) ON CONFLICT (email) DO NOTHING RETURNING id::text AS id`;
  if (created) return { id: created.id, created: true };
  const existing = await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return { id: existing.id, created: false };
}

/** `buyerEmail`: the customer's address, read from Stripe when the subscription names no reader. */
export async function ownerOf(
  tx: Tx,
  subscription: Stripe.Subscription,
  buyerEmail: string | null | undefined,
): Promise<string> {
  const fromMetadata = subscription.metadata?.userId;
  // Only a uuid can name a Folio account: a subscription another platform
  // made may carry a userId of its own, and PostgreSQL, asked for a user by
  // it, would abort the transaction (the catch below cannot undo that).
  if (fromMetadata && UUID.test(fromMetadata)) {
    const user = await tx.user.findUnique({ where: { id: fromMetadata }, select: { id: true } }).catch(() => null);
    if (user) return user.id;
  }
  const fromCustomer = await userIdForCustomer(idOf(subscription.customer), tx);
  if (fromCustomer) return fromCustomer;
  const email = buyerEmail ? normalizeEmail(buyerEmail) : null;
  if (!email) throw new UnattributableSubscriptionError(`subscription ${subscription.id} belongs to no known reader`);
  const account = await accountFor(tx, email);
  await tx.checkoutBuyer.createMany({
    data: [{ subscriptionId: subscription.id, userId: account.id, createdAccount: account.created }],
    skipDuplicates: true,
  });
  return account.id;
}
