// The command-line wrapper starts an emulator the SDK can use and stops on
// SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("main.ts", () => {
  it("serves the API on the port it prints", async () => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["scripts/stripe-emulator/main.ts", "--port", "0", "--webhook-secret", "whsec_cli", "--quiet"],
      { cwd: root, detached: true, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout!.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const stripe = new Stripe("sk_test_emulator", {
        host: "127.0.0.1",
        port: Number(new URL(url).port),
        protocol: "http",
      });
      expect((await stripe.prices.list({ lookup_keys: ["all_access_annual"] })).data[0]?.unit_amount).toBe(12000);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      expect(await exited).not.toBe(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
  });
});
