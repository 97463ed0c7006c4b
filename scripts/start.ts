// `npm start`: runs the whole product on one machine. With nothing configured
// it opens the embedded PostgreSQL in .data/, migrates it, seeds the demo
// content once, builds the web app if its sources changed, and serves it.
import path from "node:path";
import pg from "pg";
import { InvalidSettingsError, parseEnv, type Env } from "../lib/config/env";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { openDatabase } from "../lib/db/open-database";
import { seedDemoContent } from "./content/seed-database";
import { startStripeEmulator } from "./stripe-emulator";
import { localAuthSecret } from "./lib/auth-secret";
import { EMULATOR_PORT, localStripeSettings } from "./lib/local-stripe";
import { startMailDev } from "./lib/maildev";
import { ensureBuild } from "./lib/ensure-build";
import { ensurePrismaClient } from "./lib/ensure-prisma-client";
import { startWebServer } from "./lib/web-server";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[folio] ${line}`);

function readSettings(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof InvalidSettingsError) {
      console.error(`[folio] ${error.message}\n[folio] See .env.example for every setting.`);
      process.exit(1);
    }
    throw error;
  }
}

async function seedOnce(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await seedDemoContent(client);
  } finally {
    await client.end();
  }
}

// What start-up has started, stopped in reverse order on exit, Ctrl-C or
// SIGTERM, also when that comes during start-up (MailDev and the emulator
// run in process groups of their own and would otherwise be left behind).
const cleanups: (() => unknown)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().then(() => process.exit(0)));
}

async function main(): Promise<number> {
  const settings = readSettings();
  const dataDir = path.resolve(root, settings.FOLIO_DATA_DIR);
  const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir });
  cleanups.push(() => database.close());
  if (database.kind === "embedded") {
    log(`database: embedded PostgreSQL (PGlite), data in ${database.dataDir}`);
    log("          set DATABASE_URL to use a PostgreSQL server instead");
  } else {
    log(`database: PostgreSQL at ${new URL(database.url).host} (DATABASE_URL)`);
  }

  // The migrations, then the paywall cut of any article that needs it (with this start's PREVIEW_PARAGRAPHS).
  await migrateDatabase(database.url, { log, previewParagraphs: settings.PREVIEW_PARAGRAPHS });
  if (await seedOnce(database.url)) log("seeded the demo content (first start)");

  let smtpUrl = settings.SMTP_URL;
  if (smtpUrl) {
    log(`mail: SMTP relay at ${new URL(smtpUrl).host} (SMTP_URL)`);
  } else {
    const maildev = await startMailDev(root, { smtp: 1025, web: 1080 });
    smtpUrl = maildev.smtpUrl;
    cleanups.push(maildev.stop);
    log(`mail: MailDev catches every email; inbox at http://localhost:1080 (SMTP ${maildev.smtpUrl})`);
    log("      set SMTP_URL to deliver mail instead");
  }

  let authSecret = settings.AUTH_SECRET;
  if (!authSecret) {
    authSecret = localAuthSecret(dataDir);
    log(`auth: session secret kept in ${path.join(dataDir, "auth-secret")} (set AUTH_SECRET in production)`);
  }

  let stripeSettings = {};
  if (settings.STRIPE_SECRET_KEY) {
    log(`billing: Stripe${settings.STRIPE_API_URL ? ` at ${settings.STRIPE_API_URL}` : ""} (STRIPE_SECRET_KEY)`);
  } else {
    const local = localStripeSettings(dataDir);
    const emulator = await startStripeEmulator({
      port: EMULATOR_PORT,
      apiKey: local.STRIPE_SECRET_KEY,
      webhookSecret: local.STRIPE_WEBHOOK_SECRET,
      webhookUrl: `http://127.0.0.1:${settings.PORT}/api/stripe/webhook`,
      stateFile: path.join(dataDir, "stripe-emulator.json"),
    });
    stripeSettings = local;
    cleanups.push(() => emulator.stop());
    log(`billing: local Stripe emulator at ${emulator.url} (checkout and portal pages, signed webhooks)`);
    log("         card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined;");
    log("         set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to use Stripe");
  }

  await ensurePrismaClient(root, log);
  await ensureBuild(root, log);
  const server = startWebServer(root, settings.PORT, {
    ...process.env,
    ...stripeSettings,
    DATABASE_URL: database.url,
    FOLIO_DATABASE_KIND: database.kind,
    SMTP_URL: smtpUrl,
    AUTH_SECRET: authSecret,
  });
  cleanups.push(async () => {
    server.stop();
    await server.exited;
  });
  log(`serving http://localhost:${settings.PORT}`);
  return server.exited;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`[folio] start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
