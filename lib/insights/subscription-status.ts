// What each of Stripe's subscription statuses counts as in the publisher's
// revenue figures (docs/insights.md, "Revenue"). The one place that says so:
// the history, the MRR and the churn all ask here.

/**
 * Paying: counted in MRR and among active subscribers. past_due stays in: a
 * renewal Stripe is still retrying (and Folio still grants, in its grace
 * period) is a subscriber until Stripe gives up, as in Stripe's own MRR
 * (docs.stripe.com/billing/subscriptions/analytics/glossary: "the
 * monthly-normalized value of all your active and past_due subscriptions").
 */
const PAYING = new Set(["active", "past_due"]);

/** A trial: counted as a trial, never in MRR (Stripe's MRR leaves trials out too). */
export const TRIAL_STATUS = "trialing";

/** Stripe's terminal statuses: the subscription is over for good, at its `ended_at`. */
const ENDED = new Set(["canceled", "incomplete_expired"]);

export function isPaying(status: string | undefined): boolean {
  return status !== undefined && PAYING.has(status);
}

export function isEnded(status: string): boolean {
  return ENDED.has(status);
}
