// React aborts every render's cache signal when the render is over, with an
// Error as the reason. V8 keeps an Error's stack as the frames it captured,
// with each frame's receiver, until the stack is first read, and one of them
// is the Immediate that React's work ran in. On Node.js 20 an Immediate that
// has run still links to the others of its batch, each holding the async
// local stores of the render it belongs to, whose own Errors reach further
// Immediates: a chain through every render since the server started. One
// long-lived promise made during the first render (a library's lazy setup)
// anchored the chain, and the server kept every response it had rendered:
// 2,028 of them, 213 MB of heap after 2,000 different article pages, and a
// 192 MB heap ran out under the benchmark (docs/performance.md, Memory).
// Reading the stack once the signal aborts turns it into text, and the
// render's frames and everything they reach can be collected.
import { cacheSignal } from "react";

/** Lets this render be collected once it is over; call from a server component of every page (the root layout). */
export function releaseRenderWhenDone(): void {
  const signal = cacheSignal();
  if (signal) releaseReasonOnAbort(signal);
}

/** When the signal aborts, reads its reason's stack, so that the frames it captured are let go. */
export function releaseReasonOnAbort(signal: AbortSignal): void {
  signal.addEventListener(
    "abort",
    () => {
      const reason: unknown = signal.reason;
      if (!(reason instanceof Error)) return;
      // A listener's exception would be an uncaught one; a stack that cannot
      // be formatted is no reason to fail anything.
      try {
        void reason.stack;
      } catch {
        // Nothing to release.
      }
    },
    { once: true },
  );
}
