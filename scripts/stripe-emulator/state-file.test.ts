// With a state file, a restarted emulator still knows its customers,
// subscriptions, events and clock; without one it starts empty.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestEmulator, subscribe } from "./test-harness";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "stripe-emulator-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

describe("state file", () => {
  it("keeps customers, subscriptions, events and the clock across a restart", async () => {
    const stateFile = path.join(directory, "nested", "stripe.json");
    const first = await startTestEmulator({ stateFile });
    const { customer, subscription } = await subscribe(first.stripe);
    const { now } = await first.control<{ now: number }>("POST", "/_emulator/clock/advance", { seconds: 3600 });
    await first.emulator.stop();

    const second = await startTestEmulator({ stateFile });
    try {
      expect(await second.stripe.customers.retrieve(customer.id)).toMatchObject({ email: customer.email });
      expect(await second.stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "active" });
      expect((await second.stripe.events.list()).data).toHaveLength(3);
      const clock = await second.control<{ now: number }>("GET", "/_emulator/clock");
      expect(clock.now - now).toBeLessThan(60);
      expect((await second.stripe.prices.list({ lookup_keys: ["all_access_monthly"] })).data).toHaveLength(1);
    } finally {
      await second.emulator.stop();
    }
  });

  it("refuses a file it did not write", async () => {
    const stateFile = path.join(directory, "foreign.json");
    fs.writeFileSync(stateFile, JSON.stringify({ hello: "world" }));
    await expect(startTestEmulator({ stateFile })).rejects.toThrow(/not a state file/);
  });

  it("keeps nothing without a state file", async () => {
    const first = await startTestEmulator();
    const customer = await first.stripe.customers.create({ email: "memory@example.com" });
    await first.emulator.stop();
    const second = await startTestEmulator();
    try {
      await expect(second.stripe.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await second.emulator.stop();
    }
  });
});
