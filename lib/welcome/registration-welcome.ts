// The email a reader gets at their first confirmed sign-in: what a free
// account gives, how the free articles each month work, and, only if they
// chose it, the free newsletter with a link that unsubscribes from it.
import { env, publicUrl } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { actionMail } from "@/lib/mail/action-mail";
import type { Mail } from "@/lib/mail/send-mail";
import { unsubscribePagePath, unsubscribeToken } from "@/lib/newsletters/unsubscribe-token";

export async function registrationWelcome(userId: string): Promise<Mail | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { email: true, newsletters: { where: { newsletter: "free", subscribed: true }, select: { userId: true } } },
  });
  if (!user) return null;
  const { PUBLICATION_NAME: name, FREE_ARTICLES_PER_MONTH: free } = env();
  const site = publicUrl();
  const newsletter =
    user.newsletters.length > 0
      ? [
          `You also get our free newsletter, once a week: the week's free articles in full and a look at the rest. To stop it, open ${site}${unsubscribePagePath(unsubscribeToken(userId, "free"))}`,
        ]
      : [];
  return actionMail({
    to: user.email,
    subject: `Welcome to ${name}`,
    lines: [
      `Welcome to ${name}. Your account is ready: you are signed in with ${user.email}, by emailed link, with no password.`,
      `Each month you can read ${free} articles of your choice in full, for free. On any article, choose "Read this article" to spend one; an article you chose stays yours to read. The count starts again on the first of each month.`,
      ...newsletter,
      `To read everything, subscribe to All-Access: ${site}/subscribe`,
      `Your account, newsletters and free articles: ${site}/account`,
    ],
    action: { label: "Start reading", url: `${site}/` },
  });
}
