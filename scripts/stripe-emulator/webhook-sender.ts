// Delivers events to the app's webhook endpoint the way Stripe does: after
// the API call that caused them has answered, one at a time in creation
// order, signed, and retried with backoff when the endpoint fails. A failed
// delivery does not hold back the events behind it (Stripe does not either),
// so an app sees events out of order after a failure, as in production.
// Tests can also pause delivery and release the held events in reverse.
import { stripeSignatureHeader } from "./sign-webhook-payload";
import type { EventObject } from "./stripe-objects";

export type DeliveryAttempt = {
  event: string;
  type: string;
  attempt: number;
  /** HTTP status of the endpoint's answer; null when the request itself failed. */
  status: number | null;
  error: string | null;
  at: string;
  duration_ms: number;
};

type Job = { eventId: string; attempt: number; order: number };

export type WebhookSenderOptions = {
  url: string | undefined;
  secret: string;
  retryDelaysMs: number[];
  getEvent(id: string): EventObject | undefined;
  onDelivered(event: EventObject): void;
  log(line: string): void;
};

export class WebhookSender {
  private url: string | undefined;
  private queue: Job[] = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private inFlight: AbortController | undefined;
  private draining = false;
  private paused = false;
  private stopped = false;
  private order = 0;
  /** Bumped by clear(), so a delivery in flight at a reset neither records nor retries. */
  private generation = 0;
  readonly attempts: DeliveryAttempt[] = [];

  constructor(private readonly options: WebhookSenderOptions) {
    this.url = options.url;
  }

  get hasEndpoint(): boolean {
    return this.url !== undefined;
  }

  setUrl(url: string | undefined): void {
    this.url = url;
  }

  /**
   * Queues a fresh delivery (attempt 1) of the event. Sending starts on a
   * later turn of the event loop, after the API response that caused the
   * event has been written.
   */
  enqueue(eventId: string): void {
    if (!this.url || this.stopped) return;
    this.queue.push({ eventId, attempt: 1, order: this.order++ });
    setImmediate(() => void this.drain());
  }

  pause(): void {
    this.paused = true;
  }

  /** Releases held deliveries in the order their events were queued, or reversed. */
  resume(order: "creation" | "reverse" = "creation"): void {
    this.queue.sort((a, b) => (order === "reverse" ? b.order - a.order : a.order - b.order));
    this.paused = false;
    void this.drain();
  }

  status(): { url: string | null; paused: boolean; queued: number; in_flight: boolean; retries_scheduled: number } {
    return {
      url: this.url ?? null,
      paused: this.paused,
      queued: this.queue.length,
      in_flight: this.inFlight !== undefined,
      retries_scheduled: this.retryTimers.size,
    };
  }

  /** Drops everything pending (used by the reset control). */
  clear(): void {
    this.queue = [];
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.attempts.length = 0;
    this.generation += 1;
  }

  stop(): void {
    this.stopped = true;
    this.clear();
    this.inFlight?.abort();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.paused && !this.stopped) {
        const job = this.queue.shift();
        if (!job) break;
        await this.deliver(job);
      }
    } finally {
      this.draining = false;
    }
  }

  private async deliver(job: Job): Promise<void> {
    const event = this.options.getEvent(job.eventId);
    const url = this.url;
    if (!event || !url) return;
    const generation = this.generation;
    // Each attempt is signed afresh, so a retry hours later still verifies.
    const body = JSON.stringify(event, null, 2);
    const started = Date.now();
    const controller = new AbortController();
    this.inFlight = controller;
    const timeout = setTimeout(() => controller.abort(), 10_000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": stripeSignatureHeader(body, this.options.secret),
        },
        body,
        signal: controller.signal,
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (caught) {
      error =
        caught instanceof Error
          ? caught.cause instanceof Error
            ? caught.cause.message
            : caught.message
          : String(caught);
    } finally {
      clearTimeout(timeout);
      this.inFlight = undefined;
    }
    if (this.stopped || generation !== this.generation) return;
    this.record(job, event, status, error, started);
    if (status !== null && status >= 200 && status < 300) this.options.onDelivered(event);
    else this.scheduleRetry(job, event);
  }

  private record(job: Job, event: EventObject, status: number | null, error: string | null, started: number): void {
    const duration = Date.now() - started;
    this.attempts.push({
      event: event.id,
      type: event.type,
      attempt: job.attempt,
      status,
      error,
      at: new Date(started).toISOString(),
      duration_ms: duration,
    });
    this.options.log(`webhook ${event.type} ${event.id} attempt ${job.attempt} -> ${status ?? `failed (${error})`}`);
  }

  private scheduleRetry(job: Job, event: EventObject): void {
    const delay = this.options.retryDelaysMs[job.attempt - 1];
    if (delay === undefined) {
      this.options.log(`webhook ${event.type} ${event.id} gave up after ${job.attempt} attempts`);
      return;
    }
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.queue.push({ ...job, attempt: job.attempt + 1 });
      void this.drain();
    }, delay);
    this.retryTimers.add(timer);
  }
}
