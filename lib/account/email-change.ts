// Changing a reader's email address: a link goes to the new address, and
// nothing changes until it is confirmed. Then the old address is told.
import { publicUrl } from "@/lib/config/env";
import { db, Prisma } from "@/lib/db/prisma";
import { stripe } from "@/lib/billing/stripe-client";
import { sendMail } from "@/lib/mail/send-mail";
import { emailChangeConfirmationMail, emailChangedNoticeMail } from "./account-mails";
import { consumeAccountToken, issueAccountToken } from "./account-tokens";

export type EmailChangeRequest = "sent" | "same-address" | "limited";

export async function requestEmailChange(
  reader: { id: string; email: string },
  newEmail: string,
): Promise<EmailChangeRequest> {
  if (newEmail === reader.email) return "same-address";
  const issued = await issueAccountToken(reader.id, "email_change", newEmail);
  if (!issued.issued) return "limited";
  const url = `${publicUrl()}/account/confirm-email?${new URLSearchParams({ token: issued.token })}`;
  await sendMail(emailChangeConfirmationMail(newEmail, reader.email, url));
  return "sent";
}

export type EmailChangeResult =
  { status: "changed"; email: string } | { status: "invalid-link" } | { status: "address-taken" };

export async function confirmEmailChange(token: string): Promise<EmailChangeResult> {
  const consumed = await consumeAccountToken(token, "email_change");
  if (!consumed?.newEmail) return { status: "invalid-link" };
  const user = await db().user.findUnique({ where: { id: consumed.userId } });
  if (!user) return { status: "invalid-link" };
  try {
    await db().user.update({ where: { id: user.id }, data: { email: consumed.newEmail, emailVerified: new Date() } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { status: "address-taken" };
    throw error;
  }
  // Stripe's receipts should follow; a failure here is repaired by the
  // reader's next visit to the portal, so it does not undo the change.
  if (user.stripeCustomerId) {
    await stripe()
      .customers.update(user.stripeCustomerId, { email: consumed.newEmail })
      .catch((error: unknown) => console.error("stripe customer email not updated:", error));
  }
  await sendMail(emailChangedNoticeMail(user.email, consumed.newEmail));
  return { status: "changed", email: consumed.newEmail };
}
