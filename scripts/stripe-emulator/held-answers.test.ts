// A held answer: the request is answered from the state it arrived in, and
// only when the test releases it; other requests pass meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./test-harness";
import type { HoldStatus } from "./held-answers";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.emulator.stop());

async function waitUntilWaiting(id: string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if ((await t.control<HoldStatus>("GET", `/_emulator/holds/${id}`)).waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the held request never arrived");
}

describe("held answers", () => {
  it("answers a held read with the state it arrived in, after a change made meanwhile", async () => {
    const customer = await t.stripe.customers.create({ email: "before@example.org" });
    const hold = await t.control<HoldStatus>("POST", "/_emulator/holds", { path: `/v1/customers/${customer.id}` });
    expect(hold).toMatchObject({ waiting: false, released: false });

    let answered = false;
    const slow = t.stripe.customers.retrieve(customer.id).then((answer) => {
      answered = true;
      return answer;
    });
    await waitUntilWaiting(hold.id);
    // Other requests, to the same object too, are answered meanwhile.
    await t.stripe.customers.update(customer.id, { email: "after@example.org" });
    expect(((await t.stripe.customers.retrieve(customer.id)) as { email: string }).email).toBe("after@example.org");
    expect(answered).toBe(false);

    await t.control("POST", `/_emulator/holds/${hold.id}/release`);
    expect(((await slow) as { email: string }).email).toBe("before@example.org");
  });

  it("refuses a hold without a path, or outside the API", async () => {
    await expect(t.control("POST", "/_emulator/holds", {})).rejects.toThrow(/400/);
    await expect(t.control("POST", "/_emulator/holds", { path: "/checkout/x" })).rejects.toThrow(/400/);
    await expect(t.control("GET", "/_emulator/holds/hold_nothing")).rejects.toThrow(/404/);
  });
});
