// What happens when a reader signs in for the very first time: a sign-up
// through the paywall's "keep reading for free" includes the free newsletter,
// unless the reader ticked the box to decline it. The registration is counted
// for the insights, on the article whose panel the reader came from.
import { db } from "@/lib/db/prisma";
import { countEvent } from "@/lib/insights/count-event";
import { EVENT_METRICS } from "@/lib/insights/insight-metrics";
import { queueRegistrationWelcome } from "@/lib/mail/queue-welcome-mail";
import { latestSignInRequest } from "./sign-in-requests";

export async function applySignUpChoices(
  user: { id?: string; email?: string | null },
  now = new Date(),
): Promise<void> {
  if (!user.id || !user.email) return;
  await queueRegistrationWelcome(user.id);
  const request = await latestSignInRequest(user.email);
  await countEvent(db(), EVENT_METRICS.registration, request?.source === "paywall" ? request.articleId : null, now);
  if (request?.source !== "paywall") return;
  await db().newsletterSubscription.upsert({
    where: { userId_newsletter: { userId: user.id, newsletter: "free" } },
    create: { userId: user.id, newsletter: "free", subscribed: request.newsletter },
    update: {},
  });
}
