// The reader's Stripe customer: created once, on the first checkout, and
// remembered on the user row. The idempotency key makes two simultaneous
// first checkouts create one customer.
import type { Reader } from "@/lib/auth/get-reader";
import { db, type Prisma } from "@/lib/db/prisma";
import { stripe } from "./stripe-client";

export async function ensureStripeCustomer(reader: Reader): Promise<string> {
  const user = await db().user.findUniqueOrThrow({ where: { id: reader.id }, select: { stripeCustomerId: true } });
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const customer = await stripe().customers.create(
    { email: reader.email, metadata: { userId: reader.id } },
    { idempotencyKey: `folio-customer-${reader.id}` },
  );
  // Another request may have stored the same customer meanwhile; either way
  // the row ends up with this id.
  await db().user.update({ where: { id: reader.id }, data: { stripeCustomerId: customer.id } });
  return customer.id;
}

/** Inside a transaction pass its client: on the embedded database another connection would wait for it. */
export async function userIdForCustomer(
  customerId: string,
  client: Prisma.TransactionClient = db(),
): Promise<string | null> {
  const user = await client.user.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true } });
  return user?.id ?? null;
}
