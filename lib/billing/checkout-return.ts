// What a buyer coming back from Stripe Checkout finds: read from Stripe (the
// session: paid or not, where the buyer came from, the nonce's hash) and
// from the database (whether the webhook has stored the subscription yet,
// and whose it is). It grants nothing; the webhook did that, or will.
import { db } from "@/lib/db/prisma";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { log } from "@/lib/observability/log";
import { DEFAULT_RETURN_PATH } from "./return-target";
import { stripe, type Stripe } from "./stripe-client";
import { idOf } from "./stripe-id";

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,250}$/;

export type CheckoutReturn =
  | { state: "unknown" }
  /** Not paid (still open, or expired): nothing was charged. */
  | { state: "unpaid"; returnTo: string }
  /** Paid; the webhook has not stored the subscription yet. */
  | { state: "pending"; returnTo: string }
  | {
      state: "active";
      returnTo: string;
      subscriptionId: string;
      ownerId: string;
      /** Set for a visitor's purchase: whether it created the account, and whether a browser was signed in with it. */
      buyer: { createdAccount: boolean; signedInAt: Date | null } | null;
      nonceHash: string | undefined;
    };

export function isCheckoutSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID.test(value);
}

async function retrieve(sessionId: string): Promise<Stripe.Checkout.Session | null> {
  try {
    return await stripe().checkout.sessions.retrieve(sessionId);
  } catch (error) {
    // A session id that Stripe does not know (made up, or another account's).
    if ((error as { type?: string }).type === "StripeInvalidRequestError") return null;
    throw error;
  }
}

export async function readCheckoutReturn(sessionId: unknown): Promise<CheckoutReturn> {
  if (!isCheckoutSessionId(sessionId)) return { state: "unknown" };
  let session: Stripe.Checkout.Session | null;
  try {
    session = await retrieve(sessionId);
  } catch (error) {
    // Stripe unreachable: the page says "confirming" and asks again shortly.
    log("warn", "checkout-return-unread", { message: error instanceof Error ? error.message : String(error) });
    return { state: "pending", returnTo: DEFAULT_RETURN_PATH };
  }
  if (!session || session.mode !== "subscription") return { state: "unknown" };
  const returnTo = safeReturnPath(session.metadata?.returnTo, DEFAULT_RETURN_PATH);
  const subscriptionId = idOf(session.subscription);
  if (session.status !== "complete" || !subscriptionId) return { state: "unpaid", returnTo };
  const stored = await db().subscription.findUnique({ where: { id: subscriptionId }, select: { userId: true } });
  if (!stored) return { state: "pending", returnTo };
  const buyer = await db().checkoutBuyer.findUnique({
    where: { subscriptionId },
    select: { createdAccount: true, signedInAt: true },
  });
  return {
    state: "active",
    returnTo,
    subscriptionId,
    ownerId: stored.userId,
    buyer,
    nonceHash: session.metadata?.nonceHash,
  };
}

/**
 * Marks the purchase's sign-in as used, if it may be used: the purchase
 * created the account and no browser has been signed in with it yet. One
 * UPDATE, so two returns racing each other sign in at most one browser.
 */
export async function claimBuyerSignIn(subscriptionId: string, now = new Date()): Promise<boolean> {
  const { count } = await db().checkoutBuyer.updateMany({
    where: { subscriptionId, createdAccount: true, signedInAt: null },
    data: { signedInAt: now },
  });
  return count === 1;
}
