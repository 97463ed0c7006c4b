// `npm run billing:reconcile`: compares local subscriptions with Stripe now
// and repairs any drift (the same job runs hourly inside the web server).
// It uses what `npm start` uses: DATABASE_URL and the Stripe keys, or the
// embedded database and the local Stripe emulator (run it beside `npm start`).
import path from "node:path";
import { reconcileSubscriptions } from "../lib/billing/reconcile";
import { parseEnv } from "../lib/config/env";
import { openDatabase } from "../lib/db/open-database";
import { localStripeSettings } from "./lib/local-stripe";

const settings = parseEnv(process.env);
const dataDir = path.resolve(import.meta.dirname, "..", settings.FOLIO_DATA_DIR);
const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir });
process.env.DATABASE_URL = database.url;
if (!settings.STRIPE_SECRET_KEY) Object.assign(process.env, localStripeSettings(dataDir));

try {
  const report = await reconcileSubscriptions();
  console.log(
    `checked ${report.checked} subscriptions, repaired ${report.repaired}` +
      (report.unattributable.length ? `, not attributable to a reader: ${report.unattributable.join(", ")}` : ""),
  );
} catch (error) {
  console.error(`billing:reconcile failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
process.exit(process.exitCode ?? 0);
