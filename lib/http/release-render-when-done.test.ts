import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { releaseReasonOnAbort } from "./release-render-when-done";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/**
 * Aborts a signal with an Error made inside a method of an object, as React
 * makes its "render completed" reason inside the Immediate its work runs in,
 * then drops the object: whether it can still be collected.
 */
async function receiverCollected(release: boolean): Promise<boolean> {
  const controller = new AbortController();
  if (release) releaseReasonOnAbort(controller.signal);
  let receiver: { finish?: () => Error } | undefined = {
    finish() {
      return new Error("This render completed successfully.");
    },
  };
  const held = new WeakRef(receiver);
  controller.abort(receiver.finish!());
  receiver = undefined;
  // A WeakRef keeps its target until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  // The signal, and its reason, are still in use here.
  expect(controller.signal.reason).toBeInstanceOf(Error);
  return held.deref() === undefined;
}

describe("releaseReasonOnAbort", () => {
  it("lets go of what the reason's unread stack holds once the signal aborts", async () => {
    expect(await receiverCollected(true)).toBe(true);
  });

  it("is needed: an unread stack keeps the object its Error was made in", async () => {
    expect(await receiverCollected(false)).toBe(false);
  });
});
