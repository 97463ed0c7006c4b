// Stripe's Idempotency-Key: a POST repeated with the same key gets the first
// response back (same object, nothing created twice); the same key with a
// different path or body is an error. The SDK sends a key with every POST so
// its own network retries are safe. Only successful responses are kept (a
// request that failed validation may be retried with the same key), and
// the oldest entries go first once the cache is full, as Stripe forgets keys
// after a day.
export type StoredResponse = { method: string; path: string; body: string; status: number; response: string };

export class IdempotencyCache {
  private readonly entries = new Map<string, StoredResponse>();

  constructor(private readonly capacity = 10_000) {}

  get(key: string): StoredResponse | undefined {
    return this.entries.get(key);
  }

  set(key: string, stored: StoredResponse): void {
    this.entries.set(key, stored);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
