// `npm test`: every test. `npm run test:unit` runs the unit tests beside the
// code and starts nothing. The other parts run on a database of their own: a
// fresh in-memory embedded PostgreSQL without DATABASE_URL, or that server
// (which must be local: tests write to it), with a MailDev and a Stripe
// emulator of their own. `test:integration` runs Vitest's integration project,
// `test:e2e` builds the app and runs Playwright against the production server.
// docs/testing.md says what runs where and in which order.
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

type Part = "unit" | "integration" | "e2e";
type Result = [name: string, exitCode: number];

/**
 * The Playwright runs of a whole end-to-end pass, each run to the end whatever
 * the one before did (a failure hides no results). On a PostgreSQL server the
 * hardening specs run beside the rest, each worker on a database copied from
 * the run's template (e2e/hardening/own-folio.ts); the embedded database has
 * no templates, so there they run after the rest, on the shared server. The
 * log check goes last: it reads the logs of everything before it.
 */
function e2eRuns(kind: "embedded" | "postgres"): string[][] {
  const rest = ["desktop", "phone", "faults"];
  if (kind === "postgres") return [projectArgs([...rest, "two-servers", "hardening"]), projectArgs(["logs"])];
  // The embedded database is for one server, not for scaling out
  // (docs/deployment.md): the two-server tests run on a PostgreSQL server
  // only (their listener's connection, dropped on purpose, exists only
  // there). Without a copy each, the hardening files, each checking that
  // the database did not change, run one at a time.
  return [projectArgs(rest), [...projectArgs(["hardening"]), "--workers=1"], projectArgs(["logs"])];
}

/** A copy of the freshly seeded database that each hardening worker clones. */
async function createTemplate(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const source = new URL(url);
  const name = decodeURIComponent(source.pathname.slice(1));
  const template = `${name}_template`;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
  await run(`DROP DATABASE IF EXISTS ${quoted(template)} WITH (FORCE)`);
  await run(`CREATE DATABASE ${quoted(template)} TEMPLATE ${quoted(name)}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${encodeURIComponent(template)}`;
  return { url: templateUrl.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${quoted(template)} WITH (FORCE)`) };
}

function unitTests(extra: string[]): Promise<number> {
  log("unit tests (vitest, project unit): nothing started");
  return runCommand("npx", ["vitest", "run", "--project", "unit", ...extra], { cwd: root });
}

async function withServices(parts: Part[], extra: string[]): Promise<Result[]> {
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
  const results: Result[] = [];
  let template: Awaited<ReturnType<typeof createTemplate>> | undefined;
  try {
    await ensurePrismaClient(root, log);
    await migrateDatabase(database.url, { log });
    await seed(database.url);
    if (parts.includes("e2e") && database.kind === "postgres") template = await createTemplate(database.url);
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      FOLIO_DATABASE_KIND: database.kind,
      ...(template ? { FOLIO_TEST_TEMPLATE_URL: template.url } : {}),
      SMTP_URL: maildev.smtpUrl,
      MAILDEV_URL: maildev.webUrl,
      AUTH_SECRET: settings.AUTH_SECRET ?? randomAuthSecret(),
      ...stripeKeys,
      STRIPE_API_URL: emulator.url,
      // Every server the tests start logs here too; e2e/hardening/log-hygiene.spec.ts reads it.
      FOLIO_TEST_LOG_DIR: logDir,
      FOLIO_LOG_FILE: path.join(logDir, "web.log"),
    };

    if (parts.includes("integration")) {
      log("integration tests (vitest, project integration)");
      const args = ["vitest", "run", "--project", "integration", ...(parts.length === 1 ? extra : [])];
      results.push(["integration", await runCommand("npx", args, { cwd: root, env })]);
    }
    if (parts.includes("e2e")) {
      await ensureTestPrograms(root, log);
      await ensureBuild(root, log);
      emulator.setWebhookUrl(`http://localhost:${process.env.E2E_PORT ?? 3100}/api/stripe/webhook`);
      // `npm run test:e2e -- e2e/search.spec.ts`: what follows goes to one Playwright run.
      const runs = parts.length === 1 && extra.length > 0 ? [extra] : e2eRuns(database.kind);
      for (const args of runs) {
        log(`end-to-end tests (playwright, chromium): ${args.join(" ")}`);
        // The log check alone opens no page: no web server for it (playwright.config.ts).
        const logsOnly = args.length === 1 && args[0] === "--project=logs";
        const runEnv = logsOnly ? { ...env, E2E_NO_WEB_SERVER: "1" } : env;
        results.push([
          `playwright ${args.join(" ")}`,
          await runCommand("npx", ["playwright", "test", ...args], { cwd: root, env: runEnv }),
        ]);
      }
    }
    return results;
  } finally {
    const failed = results.some(([, code]) => code !== 0) || results.length === 0;
    if (failed) log(`the servers' logs are kept in ${logDir}`);
    await template?.drop().catch((error: unknown) => log(`could not drop the template database: ${String(error)}`));
    await emulator.stop();
    maildev.stop();
    await database.close();
    if (!failed && !process.env.FOLIO_KEEP_TEST_LOGS) rmSync(logDir, { recursive: true, force: true });
  }
}

const projectArgs = (projects: string[]) => projects.map((project) => `--project=${project}`);

async function main(): Promise<number> {
  const only = process.argv[2] as Part | undefined;
  // `npm run test:unit -- lib/access`: what follows goes to the runner.
  const extra = process.argv.slice(3);
  if (only !== undefined && !["unit", "integration", "e2e"].includes(only)) {
    throw new Error(`unknown part "${only}": use unit, integration or e2e`);
  }
  const results: Result[] = [];
  if (only === undefined || only === "unit") results.push(["unit", await unitTests(only ? extra : [])]);
  if (only !== "unit") results.push(...(await withServices(only ? [only] : ["integration", "e2e"], extra)));
  for (const [name, code] of results) log(`${name}: ${code === 0 ? "passed" : `FAILED (exit ${code})`}`);
  return results.every(([, code]) => code === 0) ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof InvalidSettingsError || error instanceof Error ? error.message : String(error);
    console.error(`[folio test] ${message}`);
    process.exit(1);
  });
