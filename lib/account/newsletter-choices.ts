// Which newsletters a reader receives. The free newsletter is for every
// registered reader; the Daily and Weekly Review are for subscribers.
import { db } from "@/lib/db/prisma";

export type NewsletterKey = "free" | "daily_review" | "weekly_review";
export const NEWSLETTERS: readonly NewsletterKey[] = ["free", "daily_review", "weekly_review"];
export const SUBSCRIBER_NEWSLETTERS: readonly NewsletterKey[] = ["daily_review", "weekly_review"];

export const NEWSLETTER_NAMES: Record<NewsletterKey, string> = {
  free: "The free newsletter (weekly)",
  daily_review: "The Daily Review (weekdays)",
  weekly_review: "The Weekly Review",
};

export type NewsletterChoice = { newsletter: NewsletterKey; subscribed: boolean; available: boolean };

export async function listNewsletterChoices(userId: string, subscriber: boolean): Promise<NewsletterChoice[]> {
  const rows = await db().newsletterSubscription.findMany({ where: { userId } });
  return NEWSLETTERS.map((newsletter) => {
    const row = rows.find((candidate) => candidate.newsletter === newsletter);
    const forSubscribers = SUBSCRIBER_NEWSLETTERS.includes(newsletter);
    return {
      newsletter,
      // A subscriber who never chose gets the Reviews they paid for.
      subscribed: row?.subscribed ?? (forSubscribers && subscriber),
      available: !forSubscribers || subscriber,
    };
  });
}

export type SetNewsletterResult = "updated" | "subscribers-only";

export async function setNewsletter(
  userId: string,
  newsletter: NewsletterKey,
  subscribed: boolean,
  subscriber: boolean,
): Promise<SetNewsletterResult> {
  if (subscribed && SUBSCRIBER_NEWSLETTERS.includes(newsletter) && !subscriber) return "subscribers-only";
  await db().newsletterSubscription.upsert({
    where: { userId_newsletter: { userId, newsletter } },
    create: { userId, newsletter, subscribed },
    update: { subscribed },
  });
  return "updated";
}
