// Stripe is read before the transaction that stores what it said, never
// inside it (lib/db/transaction-scope.ts): a slow Stripe must not hold a
// pooled connection and its locks. Without a lock held across the read, two
// syncs of one object could store in the wrong order: one reads, Stripe
// changes, a second reads and commits, and the first, whose answer was slow,
// commits the older state last.
//
// So each stored copy of a Stripe object (a subscription, an invoice) counts
// the syncs that wrote it, in its sync_version column. A sync notes the count
// before it reads Stripe, and in its transaction writes only if the count is
// still the one it noted, raising it by one. A sync that finds it changed
// lost nothing: it is run again and reads Stripe afresh (retryStaleReads).
// The copy is then always from the latest read: a sync commits only if no
// other committed since its read began, so every earlier write came from a
// read that was over before its own started.

/** Another sync stored the object after this one began reading it from Stripe. */
export class StaleStripeReadError extends Error {}

/** A write transaction after the reads: a few rows, no calls out; it waits its turn for a connection. */
export const STRIPE_WRITE_TRANSACTION = { maxWait: 10_000, timeout: 5_000 } as const;

/**
 * How often a sync is run again when others keep storing the same object
 * first. Among syncs racing for one object, every round stores at least one
 * (the first to commit), so N racing deliveries need at most N attempts: ten
 * covers the bursts Stripe sends for one object (a change yields a handful of
 * events at once); past that the webhook answers 500 and Stripe redelivers.
 */
const ATTEMPTS = 10;
/** The pause before another attempt, at random up to this: racing syncs spread out instead of meeting again. */
const MAX_RETRY_PAUSE_MS = 50;

/** Throws when a conditional write of `what` changed no row (the version moved on). */
export function expectFreshRead(rowsWritten: number, what: string): void {
  if (rowsWritten === 0) throw new StaleStripeReadError(`${what} was stored by another sync while this one read it`);
}

/**
 * Runs `attempt` (read from Stripe, then write) again while another sync
 * overtakes it. After ATTEMPTS the error goes to the caller: a webhook then
 * answers 500 and Stripe delivers the event again later.
 */
export async function retryStaleReads<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleStripeReadError) || tries >= ATTEMPTS) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_RETRY_PAUSE_MS));
  }
}
