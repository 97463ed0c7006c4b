// `npm test`: every test, on a database of its own. Without DATABASE_URL it
// runs on a fresh in-memory embedded PostgreSQL; with it, on that server
// (which must be local: tests write to it). Runs Vitest (unit + integration),
// builds the app, then runs Playwright in Chromium against `next start`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { InvalidSettingsError, parseEnv } from "../lib/config/env";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { openDatabase } from "../lib/db/open-database";
import { seedDemoContent } from "./content/seed-database";
import { randomAuthSecret } from "./lib/auth-secret";
import { ensureBuild } from "./lib/ensure-build";
import { ensurePrismaClient } from "./lib/ensure-prisma-client";
import { ensureTestPrograms } from "./lib/ensure-test-programs";
import { startMailDev } from "./lib/maildev";
import { startStripeEmulator } from "./stripe-emulator";
import { runCommand } from "./lib/run-command";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[folio test] ${line}`);
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function refuseRemoteDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host) && process.env.FOLIO_TEST_ALLOW_REMOTE_DATABASE !== "1") {
    throw new Error(
      `refusing to run tests against ${host}: tests write to the database. ` +
        "Use a local database, or set FOLIO_TEST_ALLOW_REMOTE_DATABASE=1 if you really mean it.",
    );
  }
}

async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await seedDemoContent(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const settings = parseEnv(process.env);
  if (settings.DATABASE_URL) refuseRemoteDatabase(settings.DATABASE_URL);
  const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: "memory://" });
  log(
    database.kind === "embedded"
      ? "database: embedded PostgreSQL (PGlite), in memory"
      : `database: PostgreSQL at ${new URL(database.url).host}${new URL(database.url).pathname}`,
  );
  // Mail goes to a MailDev of the test run's own, on ports beside npm start's.
  // Ports can be moved (E2E_PORT, E2E_MAILDEV_SMTP_PORT, E2E_MAILDEV_WEB_PORT)
  // so that two test runs can share a machine.
  const maildev = await startMailDev(root, {
    smtp: Number(process.env.E2E_MAILDEV_SMTP_PORT ?? 1026),
    web: Number(process.env.E2E_MAILDEV_WEB_PORT ?? 1081),
  });
  log(`mail: MailDev at ${maildev.webUrl}`);
  // A Stripe emulator of the run's own. It delivers webhooks only once the
  // end-to-end server is up; integration tests deliver events themselves.
  const stripeKeys = { STRIPE_SECRET_KEY: "sk_test_folio_tests", STRIPE_WEBHOOK_SECRET: `whsec_${randomAuthSecret()}` };
  const emulator = await startStripeEmulator({
    port: 0,
    apiKey: stripeKeys.STRIPE_SECRET_KEY,
    webhookSecret: stripeKeys.STRIPE_WEBHOOK_SECRET,
    retryDelaysMs: [300, 1000, 3000],
  });
  log(`billing: Stripe emulator at ${emulator.url}`);
  const logDir = mkdtempSync(path.join(tmpdir(), "folio-test-logs-"));
  let failed = true;
  try {
    await ensurePrismaClient(root, log);
    await migrateDatabase(database.url, { log });
    await seed(database.url);
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      FOLIO_DATABASE_KIND: database.kind,
      SMTP_URL: maildev.smtpUrl,
      MAILDEV_URL: maildev.webUrl,
      AUTH_SECRET: settings.AUTH_SECRET ?? randomAuthSecret(),
      ...stripeKeys,
      STRIPE_API_URL: emulator.url,
      // Every server the tests start logs here too; e2e/hardening/log-hygiene.spec.ts reads it.
      FOLIO_TEST_LOG_DIR: logDir,
      FOLIO_LOG_FILE: path.join(logDir, "web.log"),
    };
    const only = process.argv[2];
    // `npm run test:e2e -- --project=faults --no-deps`: what follows goes to the runner.
    const extra = process.argv.slice(3);

    const results: [string, number][] = [];
    if (only !== "e2e") {
      log("unit and integration tests (vitest)");
      results.push([
        "vitest",
        await runCommand("npx", ["vitest", "run", ...(only === "unit" ? extra : [])], { cwd: root, env }),
      ]);
    }
    if (only !== "unit") {
      await ensureTestPrograms(root, log);
      await ensureBuild(root, log);
      emulator.setWebhookUrl(`http://localhost:${process.env.E2E_PORT ?? 3100}/api/stripe/webhook`);
      log("end-to-end tests (playwright, chromium)");
      results.push([
        "playwright",
        await runCommand("npx", ["playwright", "test", ...(only === "e2e" ? extra : [])], { cwd: root, env }),
      ]);
    }
    for (const [name, code] of results) log(`${name}: ${code === 0 ? "passed" : `FAILED (exit ${code})`}`);
    failed = !results.every(([, code]) => code === 0);
    if (failed) log(`the servers' logs are kept in ${logDir}`);
    return failed ? 1 : 0;
  } finally {
    await emulator.stop();
    maildev.stop();
    await database.close();
    if (!failed && !process.env.FOLIO_KEEP_TEST_LOGS) rmSync(logDir, { recursive: true, force: true });
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof InvalidSettingsError || error instanceof Error ? error.message : String(error);
    console.error(`[folio test] ${message}`);
    process.exit(1);
  });
