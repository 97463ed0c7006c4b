// Who receives an issue, decided when its sending starts and written to the
// send log in the same transaction. The rules are the account page's
// (lib/account/newsletter-choices.ts): the free newsletter goes to readers
// who switched it on (sign-ups through "keep reading for free" unless they
// declined it); the Reviews go to readers who read everything now (a
// subscription by the access decision's own rule, or comp access), unless
// they switched that Review off. Suppressed addresses get nothing.
import { compGrantsAccess, subscriptionGrantsAccess } from "@/lib/access/decide-access";
import { env } from "@/lib/config/env";
import type { Prisma } from "@/lib/db/generated/client";
import type { NewsletterKey } from "./newsletter-catalog";
import { NEWSLETTER_CATALOG } from "./newsletter-catalog";

export type Recipient = { userId: string; email: string };

type Tx = Prisma.TransactionClient;

const notSuppressed = `NOT EXISTS (
  SELECT 1 FROM mail_bounces b WHERE b.user_id = u.id AND b.email = u.email AND b.suppressed_at IS NOT NULL)`;

export async function issueRecipients(tx: Tx, newsletter: NewsletterKey, now: Date): Promise<Recipient[]> {
  if (NEWSLETTER_CATALOG[newsletter].audience === "registered") {
    return tx.$queryRawUnsafe<Recipient[]>(
      `SELECT u.id::text AS "userId", u.email
       FROM users u JOIN newsletter_subscriptions s ON s.user_id = u.id
       WHERE s.newsletter = $1::"Newsletter" AND s.subscribed AND ${notSuppressed}
       ORDER BY u.id`,
      newsletter,
    );
  }
  // Readers who might read everything: those with comp access or any
  // subscription row; the access decision's own functions then decide.
  const candidates = await tx.$queryRawUnsafe<
    {
      userId: string;
      email: string;
      compUntil: Date | null;
      subscriptions: {
        status: string;
        currentPeriodEnd: string;
        pastDueSince: string | null;
        endedAt: string | null;
      }[];
    }[]
  >(
    `SELECT u.id::text AS "userId", u.email, u.comp_until AS "compUntil",
            COALESCE(json_agg(json_build_object(
              'status', sub.status, 'currentPeriodEnd', sub.current_period_end,
              'pastDueSince', sub.past_due_since, 'endedAt', sub.ended_at)) FILTER (WHERE sub.id IS NOT NULL), '[]') AS subscriptions
     FROM users u
     LEFT JOIN subscriptions sub ON sub.user_id = u.id
     WHERE (u.comp_until > $2 OR sub.id IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM newsletter_subscriptions s
                       WHERE s.user_id = u.id AND s.newsletter = $1::"Newsletter" AND NOT s.subscribed)
       AND ${notSuppressed}
     GROUP BY u.id
     ORDER BY u.id`,
    newsletter,
    now,
  );
  const graceDays = env().SUBSCRIPTION_GRACE_DAYS;
  const date = (value: string | null) => (value === null ? null : new Date(value));
  return candidates
    .filter(
      (candidate) =>
        compGrantsAccess(candidate.compUntil, now) ||
        candidate.subscriptions.some((subscription) =>
          subscriptionGrantsAccess(
            {
              status: subscription.status,
              currentPeriodEnd: new Date(subscription.currentPeriodEnd),
              pastDueSince: date(subscription.pastDueSince),
              endedAt: date(subscription.endedAt),
            },
            now,
            graceDays,
          ),
        ),
    )
    .map(({ userId, email }) => ({ userId, email }));
}

/** Writes one pending send-log row per recipient, numbered into batches; returns the number of batches. */
export async function writeSendLog(tx: Tx, issueId: string, recipients: Recipient[]): Promise<number> {
  const batchSize = env().NEWSLETTER_BATCH_SIZE;
  // Thousands of rows, a few statements: unnest() over arrays, in slices.
  const slice = 5_000;
  for (let offset = 0; offset < recipients.length; offset += slice) {
    const part = recipients.slice(offset, offset + slice);
    await tx.$executeRawUnsafe(
      `INSERT INTO newsletter_deliveries (issue_id, user_id, email, batch)
       SELECT $1::uuid, r.user_id, r.email, r.batch
       FROM unnest($2::uuid[], $3::text[], $4::int[]) AS r(user_id, email, batch)
       ON CONFLICT (issue_id, user_id) DO NOTHING`,
      issueId,
      part.map((recipient) => recipient.userId),
      part.map((recipient) => recipient.email),
      part.map((_, index) => Math.floor((offset + index) / batchSize)),
    );
  }
  return Math.ceil(recipients.length / batchSize);
}
