// Unsubscribing with the signed link from a newsletter, without signing in.
// The token names the reader and the newsletter (unsubscribe-token.ts);
// the change is the account page's own switch, set to off.
import { setNewsletter } from "@/lib/account/newsletter-choices";
import { db } from "@/lib/db/prisma";
import { readUnsubscribeToken } from "@/lib/newsletters/unsubscribe-token";
import type { NewsletterKey } from "./newsletter-catalog";

export type UnsubscribeLink =
  | { kind: "valid"; newsletter: NewsletterKey; userId: string; maskedEmail: string; receiving: boolean }
  | { kind: "expired"; newsletter?: NewsletterKey }
  | { kind: "invalid" };

export type UnsubscribeOutcome =
  | { kind: "unsubscribed" | "already"; newsletter: NewsletterKey }
  | { kind: "expired"; newsletter?: NewsletterKey }
  | { kind: "invalid" };

/** "r…@example.org": enough to recognise one's address, not to read it off a forwarded link. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}…@${domain}`;
}

/** What the confirmation page shows; changes nothing. */
export async function inspectUnsubscribeLink(token: string, now = new Date()): Promise<UnsubscribeLink> {
  const verified = readUnsubscribeToken(token, now);
  if (!verified.ok)
    return verified.reason === "expired" ? { kind: "expired", newsletter: verified.newsletter } : { kind: "invalid" };
  const user = await db().user.findUnique({
    where: { id: verified.userId },
    select: { email: true, newsletters: { where: { newsletter: verified.newsletter } } },
  });
  // The account was deleted since: nothing goes to it any more.
  if (!user)
    return {
      kind: "valid",
      newsletter: verified.newsletter,
      userId: verified.userId,
      maskedEmail: "",
      receiving: false,
    };
  const choice = user.newsletters[0];
  const receiving = choice ? choice.subscribed : verified.newsletter !== "free";
  return {
    kind: "valid",
    newsletter: verified.newsletter,
    userId: verified.userId,
    maskedEmail: maskEmail(user.email),
    receiving,
  };
}

/**
 * Switches the newsletter off for the reader the link names. Using the link
 * again (a replay, a mail scanner, a second click) finds it off already and
 * says so; it changes nothing else and never switches anything on.
 */
export async function unsubscribeWithLink(token: string, now = new Date()): Promise<UnsubscribeOutcome> {
  const link = await inspectUnsubscribeLink(token, now);
  if (link.kind !== "valid") return link;
  if (!link.receiving) return { kind: "already", newsletter: link.newsletter };
  await setNewsletter(link.userId, link.newsletter, false, false);
  return { kind: "unsubscribed", newsletter: link.newsletter };
}
