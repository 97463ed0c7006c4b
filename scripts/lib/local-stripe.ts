// The embedded default for billing: the local Stripe emulator on a fixed
// port, with a webhook secret kept in the data folder, so that `npm start`
// and `npm run billing:reconcile` beside it agree on how to reach it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const EMULATOR_PORT = 12111;
export const EMULATOR_API_KEY = "sk_test_folio_emulator";

export type StripeSettings = { STRIPE_API_URL: string; STRIPE_SECRET_KEY: string; STRIPE_WEBHOOK_SECRET: string };

export function localStripeSettings(dataDir: string): StripeSettings {
  const file = path.join(dataDir, "stripe-webhook-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `whsec_${randomBytes(24).toString("hex")}\n`, { mode: 0o600 });
  }
  return {
    STRIPE_API_URL: `http://127.0.0.1:${EMULATOR_PORT}`,
    STRIPE_SECRET_KEY: EMULATOR_API_KEY,
    STRIPE_WEBHOOK_SECRET: readFileSync(file, "utf8").trim(),
  };
}
