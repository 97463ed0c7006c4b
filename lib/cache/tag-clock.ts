// When each cache tag last changed, as this process knows it, and whether it
// can know it at all. Everything cached in a server (the shared reads of
// shared-read.ts, the whole pages of server/page-cache.ts) is served only
// while this clock vouches for it: an entry is fresh when none of its tags
// changed since the entry's read began.
//
// The clock learns of changes made in this process at once (invalidate-tags.ts)
// and of every other server's through PostgreSQL (invalidation-listener.ts).
// While the listener is not connected and caught up, the clock vouches for
// nothing and every read goes to the database: another server may have
// changed anything meanwhile.
//
// One clock per process. Next.js bundles this module into several chunks
// (pages, route handlers) and the web server (server/) into its own, and all
// of them must read the same clock, so its state lives on globalThis under a
// registered symbol, the way lib/db/prisma.ts keeps one client.

type ClockState = {
  /** Tag -> when this process learned it changed (clockNow()). */
  changedAt: Map<string, number>;
  /** The latest change of any tag: what the whole-page cache compares with (it does not know a page's tags). */
  lastChangeAt: number;
  /** Whether the listener is connected and caught up, so that the clock knows every change. */
  vouching: boolean;
};

const STATE = Symbol.for("folio.cache.tag-clock");
const holder = globalThis as { [STATE]?: ClockState };

function state(): ClockState {
  holder[STATE] ??= { changedAt: new Map(), lastChangeAt: 0, vouching: false };
  return holder[STATE];
}

/**
 * The time every entry and change is stamped with: milliseconds on this
 * process's monotonic clock. The wall clock may step back (NTP), and an entry
 * stamped before a step would look newer than a change learned after it.
 */
export function clockNow(): number {
  return performance.now();
}

/** Records that `tags` changed now. */
export function noteTagChanges(tags: Iterable<string>, now = clockNow()): void {
  const clock = state();
  let any = false;
  for (const tag of tags) {
    clock.changedAt.set(tag, now);
    any = true;
  }
  if (any) clock.lastChangeAt = Math.max(clock.lastChangeAt, now);
}

/** Whether the clock can vouch for cached entries now (the listener is connected and caught up). */
export function clockVouches(): boolean {
  return state().vouching;
}

/** Set by the listener: on once it has caught up, off as soon as it loses the database. */
export function setClockVouching(vouching: boolean): void {
  state().vouching = vouching;
}

/** Whether an entry read at `readAt` under `tags` may be out of date (or nothing can be vouched for). */
export function tagsChangedSince(tags: readonly string[], readAt: number): boolean {
  const clock = state();
  if (!clock.vouching) return true;
  return tags.some((tag) => (clock.changedAt.get(tag) ?? 0) >= readAt);
}

/** Whether any tag changed since `readAt` (or nothing can be vouched for): for pages whose tags are unknown. */
export function anythingChangedSince(readAt: number): boolean {
  const clock = state();
  return !clock.vouching || clock.lastChangeAt >= readAt;
}
