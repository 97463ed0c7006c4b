// The Stripe Customer Portal: payment method, invoices, switching plan,
// cancelling and resuming. Changes made there come back through webhooks.
import type { Reader } from "@/lib/auth/get-reader";
import { publicUrl } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { stripe } from "./stripe-client";

/** The portal's address, or null for a reader who never bought anything. */
export async function createPortalSession(reader: Reader): Promise<string | null> {
  const user = await db().user.findUnique({ where: { id: reader.id }, select: { stripeCustomerId: true } });
  if (!user?.stripeCustomerId) return null;
  const session = await stripe().billingPortal.sessions.create({
    customer: user.stripeCustomerId,
    return_url: `${publicUrl()}/account`,
  });
  return session.url;
}
