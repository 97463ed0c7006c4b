// Sends one batch of an issue. Each of NEWSLETTER_SMTP_CONNECTIONS lanes
// claims a few recipient rows (status "sending", in one statement with FOR
// UPDATE SKIP LOCKED, so two workers never hold the same row), sends them one
// by one, and marks each sent the moment the SMTP server accepts it. A worker
// killed mid-batch leaves its pending rows pending and a few claimed ones;
// those are sent once their claim is older than NEWSLETTER_CLAIM_TIMEOUT_SECONDS
// (a live worker renews its claims with every message it sends).
//
// The one window that cannot be closed: a message the server accepted in the
// instant before the worker died, before its row was marked. That row is sent
// again (at least once, rather than at most once), with the same Message-ID,
// which receiving systems use to recognise a duplicate. It lasts one database
// round trip per message in flight.
import { env, publicUrl } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { appPool } from "@/lib/db/app-pool";
import { composeMergeTemplate, mergeMessage, type MergeTemplate } from "@/lib/mail/merge-message";
import { describeSmtpFailure, type BulkSender, type SmtpFailure } from "@/lib/mail/send-mail";
import { oneClickUnsubscribePath, unsubscribeToken } from "@/lib/newsletters/unsubscribe-token";
import { NEWSLETTER_CATALOG, type NewsletterKey } from "./newsletter-catalog";
import type { BatchJob } from "./newsletter-queue";
import { UNSUBSCRIBE_PLACEHOLDER } from "./render-issue";
import { finishIssueIfDone } from "./send-progress";

export type BatchOutcome = { sent: number; retrying: number; failed: number; nextRunAt: Date | null };

type Claimed = { id: string; userId: string; email: string; attempts: number };
type Issue = { id: string; newsletter: NewsletterKey; subject: string; html: string; text: string };

/** Rows a lane claims at once: fewer round trips; each is still marked the moment it is accepted. */
const CLAIM_CHUNK = 10;

async function claim(job: BatchJob): Promise<Claimed[]> {
  const { NEWSLETTER_CLAIM_TIMEOUT_SECONDS: lease, NEWSLETTER_MAX_ATTEMPTS: maxAttempts } = env();
  const { rows } = await appPool().query<Claimed>(
    `UPDATE newsletter_deliveries d
     SET status = 'sending', claimed_at = now(), attempts = d.attempts + 1
     WHERE d.id IN (
       SELECT id FROM newsletter_deliveries
       WHERE issue_id = $1::uuid AND batch = $2
         AND ((status = 'pending' AND next_attempt_at <= now())
           OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $3::float8) AND attempts < $4))
       LIMIT ${CLAIM_CHUNK}
       FOR UPDATE SKIP LOCKED)
     RETURNING d.id::text AS id, d.user_id::text AS "userId", d.email, d.attempts`,
    [job.issueId, job.batch, lease, maxAttempts],
  );
  return rows;
}

/**
 * Marks one row sent and renews the claim on the rows still waiting in the
 * lane's hands, in one statement: a claim only goes stale when its worker
 * stops making progress, however slow the SMTP server is.
 */
async function markSent(id: string, waiting: string[]): Promise<void> {
  await appPool().query(
    `WITH sent AS (
       UPDATE newsletter_deliveries SET status = 'sent', sent_at = now(), claimed_at = NULL, error = NULL
       WHERE id = $1::uuid AND status = 'sending')
     UPDATE newsletter_deliveries SET claimed_at = now()
     WHERE id = ANY($2::uuid[]) AND status = 'sending'`,
    [id, waiting],
  );
}

async function markFailed(row: Claimed, failure: SmtpFailure): Promise<"retrying" | "failed"> {
  const { NEWSLETTER_MAX_ATTEMPTS: maxAttempts, NEWSLETTER_RETRY_SECONDS: base } = env();
  const error = failure.code ? `${failure.code}: ${failure.message}` : failure.message;
  if (failure.temporary && row.attempts < maxAttempts) {
    // Backoff: the base delay, doubling with each try.
    const delaySeconds = base * 2 ** (row.attempts - 1);
    await db().$executeRaw`
      UPDATE newsletter_deliveries
      SET status = 'pending', claimed_at = NULL, error = ${error},
          next_attempt_at = now() + make_interval(secs => ${delaySeconds}::float8)
      WHERE id = ${row.id}::uuid AND status = 'sending'`;
    return "retrying";
  }
  await db().$executeRaw`
    UPDATE newsletter_deliveries SET status = 'failed', claimed_at = NULL, error = ${error}
    WHERE id = ${row.id}::uuid AND status = 'sending'`;
  if (!failure.temporary) await recordBounce(row, error);
  return "failed";
}

/** A permanent failure: counted against the address; at the limit it is suppressed. */
async function recordBounce(row: Claimed, error: string): Promise<void> {
  const limit = env().NEWSLETTER_BOUNCE_LIMIT;
  await db().$executeRaw`
    INSERT INTO mail_bounces (user_id, email, bounces, last_error, last_bounce_at, suppressed_at)
    VALUES (${row.userId}::uuid, ${row.email}, 1, ${error}, now(), CASE WHEN 1 >= ${limit} THEN now() END)
    ON CONFLICT (user_id) DO UPDATE SET
      bounces = CASE WHEN mail_bounces.email = EXCLUDED.email THEN mail_bounces.bounces + 1 ELSE 1 END,
      suppressed_at = CASE
        WHEN mail_bounces.email <> EXCLUDED.email THEN EXCLUDED.suppressed_at
        WHEN mail_bounces.bounces + 1 >= ${limit} THEN COALESCE(mail_bounces.suppressed_at, now())
        ELSE mail_bounces.suppressed_at END,
      email = EXCLUDED.email, last_error = EXCLUDED.last_error, last_bounce_at = now()`;
}

function hostOf(url: string): string {
  return new URL(url).hostname;
}

/** The message for one recipient: the issue's rendering with their own unsubscribe link. */
export function messageFor(
  issue: Issue,
  recipient: { userId: string; email: string },
  token = unsubscribeToken(recipient.userId, issue.newsletter),
) {
  const site = publicUrl();
  const host = hostOf(site);
  const info = NEWSLETTER_CATALOG[issue.newsletter];
  const oneClickUrl = `${site}${oneClickUnsubscribePath(token)}`;
  return {
    to: recipient.email,
    subject: issue.subject,
    html: issue.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, token),
    text: issue.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, token),
    token,
    // Stable per issue and recipient: a copy sent again is the same message.
    messageId: `<${issue.id}.${recipient.userId}@${host}>`,
    headers: {
      // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that
      // POSTs "List-Unsubscribe=One-Click" to this address, no sign-in needed.
      "List-Unsubscribe": `<${oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `${info.name} <${info.slug}.${host}>`,
    },
  };
}

// One composed template per issue and process; an issue's rendering never changes once sending starts.
const templates = new Map<string, Promise<MergeTemplate | null>>();

function templateFor(issue: Issue): Promise<MergeTemplate | null> {
  let template = templates.get(issue.id);
  if (!template) {
    const placeholders = {
      to: "merge-recipient@merge.invalid",
      messageId: `<merge-${issue.id}@merge.invalid>`,
      token: UNSUBSCRIBE_PLACEHOLDER,
    };
    const sample = messageFor(
      issue,
      { userId: "00000000-0000-4000-8000-000000000000", email: placeholders.to },
      UNSUBSCRIBE_PLACEHOLDER,
    );
    template = composeMergeTemplate({ ...sample, from: env().MAIL_FROM, placeholders }).catch(() => null);
    templates.set(issue.id, template);
    if (templates.size > 20) templates.delete(templates.keys().next().value!);
  }
  return template;
}

/** Sends one copy: merged from the issue's template when it can be, composed from scratch otherwise. */
async function sendCopy(
  sender: BulkSender,
  issue: Issue,
  template: MergeTemplate | null,
  recipient: Claimed,
): Promise<void> {
  const { token, ...message } = messageFor(issue, recipient);
  const raw = template ? mergeMessage(template, { to: message.to, messageId: message.messageId, token }) : null;
  if (raw) await sender.sendRaw(message.to, raw);
  else await sender.send(message);
}

export async function sendBatch(job: BatchJob, sender: BulkSender): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { sent: 0, retrying: 0, failed: 0, nextRunAt: null };
  const row = await db().newsletterIssue.findUnique({ where: { id: job.issueId } });
  if (!row || row.status !== "sending" || row.html === null || row.text === null || row.subject === null)
    return outcome;
  const issue: Issue = { id: row.id, newsletter: row.newsletter, subject: row.subject, html: row.html, text: row.text };
  const template = await templateFor(issue);
  const {
    NEWSLETTER_CLAIM_TIMEOUT_SECONDS: lease,
    NEWSLETTER_MAX_ATTEMPTS: maxAttempts,
    NEWSLETTER_SMTP_CONNECTIONS: lanes,
  } = env();

  // Rows claimed by workers that vanished, too often to try again.
  await db().$executeRaw`
    UPDATE newsletter_deliveries SET status = 'failed', claimed_at = NULL,
      error = 'the worker sending it stopped before the server answered, ' || attempts || ' times'
    WHERE issue_id = ${job.issueId}::uuid AND batch = ${job.batch} AND status = 'sending'
      AND claimed_at < now() - make_interval(secs => ${lease}::float8) AND attempts >= ${maxAttempts}`;

  const delivered: string[] = [];
  const lane = async () => {
    for (let chunk = await claim(job); chunk.length > 0; chunk = await claim(job)) {
      for (const [index, claimed] of chunk.entries()) {
        const waiting = chunk.slice(index + 1).map((row) => row.id);
        try {
          await sendCopy(sender, issue, template, claimed);
        } catch (error) {
          outcome[await markFailed(claimed, describeSmtpFailure(error))] += 1;
          continue;
        }
        await markSent(claimed.id, waiting);
        delivered.push(claimed.userId);
        outcome.sent += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));

  // Delivered: earlier bounces of these addresses were not "in a row".
  if (delivered.length > 0) {
    await db()
      .$executeRaw`DELETE FROM mail_bounces WHERE user_id = ANY(${delivered}::uuid[]) AND suppressed_at IS NULL`;
  }
  // What is left: retries waiting for their time, or rows another worker holds.
  const [next] = await db().$queryRaw<{ at: Date | null }[]>`
    SELECT min(CASE WHEN status = 'pending' THEN next_attempt_at
                    ELSE claimed_at + make_interval(secs => ${lease}::float8) END) AS at
    FROM newsletter_deliveries
    WHERE issue_id = ${job.issueId}::uuid AND batch = ${job.batch} AND status IN ('pending', 'sending')`;
  outcome.nextRunAt = next?.at ?? null;
  await finishIssueIfDone(job.issueId);
  return outcome;
}
