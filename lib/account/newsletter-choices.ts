// Which newsletters a reader receives. The free newsletter is for every
// registered reader; the Daily and Weekly Review are for subscribers.
import { db } from "@/lib/db/prisma";
import { countEvent } from "@/lib/insights/count-event";
import { unsubscribeMetric } from "@/lib/insights/insight-metrics";

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
  await db().$transaction(async (tx) => {
    const [previous] = await tx.$queryRaw<{ subscribed: boolean }[]>`
      SELECT subscribed FROM newsletter_subscriptions
      WHERE user_id = ${userId}::uuid AND newsletter = ${newsletter}::"Newsletter" FOR UPDATE`;
    await tx.newsletterSubscription.upsert({
      where: { userId_newsletter: { userId, newsletter } },
      create: { userId, newsletter, subscribed },
      update: { subscribed },
    });
    // An unsubscribe, for the insights: a Review is received until turned off (the unsubscribe link's rule).
    const wasReceiving = previous?.subscribed ?? SUBSCRIBER_NEWSLETTERS.includes(newsletter);
    if (wasReceiving && !subscribed) await countEvent(tx, unsubscribeMetric(newsletter), null);
  });
  return "updated";
}
