// Slow answers, on request: a test asks that the next request for one path be
// held; that request is answered from the state as it was when it arrived,
// but only when the test releases it. Real Stripe is sometimes slow, and a
// read that left before a change can arrive after it; this makes that
// happen exactly when a test needs it (test-control-routes.ts).
import { newId } from "./new-id";

type Hold = {
  id: string;
  method: string;
  path: string;
  /** Set once a request was caught and is waiting. */
  waiting: boolean;
  released: boolean;
  release(): void;
  done: Promise<void>;
};

export type HoldStatus = { id: string; method: string; path: string; waiting: boolean; released: boolean };

export class HeldAnswers {
  private readonly holds = new Map<string, Hold>();

  /** Holds the answer to the next `method path` request. */
  hold(method: string, path: string): HoldStatus {
    let release = () => {};
    const done = new Promise<void>((resolve) => (release = resolve));
    const hold: Hold = { id: newId("hold", 14), method, path, waiting: false, released: false, release, done };
    this.holds.set(hold.id, hold);
    return this.status(hold.id)!;
  }

  /** For a request that just arrived: what to wait for before answering it, if a hold caught it. */
  catch(method: string, path: string): Promise<void> | null {
    for (const hold of this.holds.values()) {
      if (!hold.waiting && !hold.released && hold.method === method && hold.path === path) {
        hold.waiting = true;
        return hold.done;
      }
    }
    return null;
  }

  release(id: string): HoldStatus | null {
    const hold = this.holds.get(id);
    if (!hold) return null;
    hold.released = true;
    hold.release();
    return this.status(id);
  }

  status(id: string): HoldStatus | null {
    const hold = this.holds.get(id);
    if (!hold) return null;
    return { id: hold.id, method: hold.method, path: hold.path, waiting: hold.waiting, released: hold.released };
  }

  /** Lets every held answer go (a reset, a stop). */
  releaseAll(): void {
    for (const hold of this.holds.values()) hold.release();
    this.holds.clear();
  }
}
