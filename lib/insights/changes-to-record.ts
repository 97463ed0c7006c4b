// When a change happened. A sync records what Stripe says now, dated now;
// but Stripe knows some moments better than the time Folio heard of them (a
// webhook can come late, the hourly reconciliation later still), and a
// subscription Folio first sees may have a past: one that existed before the
// history did, or whose first event was lost. Its history is then rebuilt
// from Stripe's own dates, so that revenue for past months is right.
import { changeFieldsOf, sameChange, type RecordedChange, type SubscriptionFacts } from "./subscription-change";
import { isEnded, TRIAL_STATUS } from "./subscription-status";

const dateOf = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000));

/**
 * Rows of one subscription's history get strictly later times, at most `now`
 * unless that would break the order: the latest row is then never in doubt,
 * whatever the clocks of the servers that recorded them.
 */
function inOrder(rows: RecordedChange[], after: Date | null, now: Date): RecordedChange[] {
  let previous = after?.getTime() ?? -Infinity;
  return rows.map((row) => {
    const at = Math.max(Math.min(row.at.getTime(), now.getTime()), previous + 1);
    previous = at;
    return { ...row, at: new Date(at) };
  });
}

/** The history of a subscription Folio has never recorded, as far as Stripe's dates tell it. */
function pastOf(subscription: SubscriptionFacts): RecordedChange[] {
  const current = changeFieldsOf(subscription);
  const start = dateOf(subscription.start_date)!;
  const trialStart = dateOf(subscription.trial_start);
  const trialEnd = dateOf(subscription.trial_end);
  if (current.status === TRIAL_STATUS) return [{ ...current, at: trialStart ?? start }];
  const trial = trialStart && trialEnd ? [{ ...current, status: TRIAL_STATUS, at: trialStart }] : [];
  // Since the trial ended, or since it started when it had none.
  const from = trial.length > 0 ? trialEnd! : start;
  const endedAt = isEnded(current.status) ? dateOf(subscription.ended_at) : null;
  if (!endedAt) return [...trial, { ...current, at: from }];
  // Ended: canceled with no trial, or after its trial, it was paying until
  // then; incomplete_expired never was, nor a trial canceled before it ended.
  const converted = trial.length === 0 || from < endedAt;
  const paid = current.status === "canceled" && converted ? [{ ...current, status: "active", at: from }] : [];
  return [...trial, ...paid, { ...current, at: endedAt }];
}

/**
 * The moment of a change from `latest`: an end at Stripe's `ended_at`, a
 * trial's end at its `trial_end`, anything else when Folio hears of it.
 */
function momentOf(subscription: SubscriptionFacts, status: string, latest: RecordedChange, now: Date): Date {
  if (isEnded(status) && subscription.ended_at !== null) return dateOf(subscription.ended_at)!;
  if (latest.status === TRIAL_STATUS && status !== TRIAL_STATUS && subscription.trial_end !== null) {
    return dateOf(subscription.trial_end)!;
  }
  return now;
}

/** The rows to add to a subscription's history, given its latest row (null: none yet). */
export function changesToRecord(
  subscription: SubscriptionFacts,
  latest: RecordedChange | null,
  now: Date,
): RecordedChange[] {
  if (latest === null) return inOrder(pastOf(subscription), null, now);
  const fields = changeFieldsOf(subscription);
  if (sameChange(fields, latest)) return [];
  return inOrder([{ ...fields, at: momentOf(subscription, fields.status, latest, now) }], latest.at, now);
}
