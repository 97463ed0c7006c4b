// End-to-end tests in Chromium against the production server, on the database that
// scripts/test.ts opened (DATABASE_URL). Debian's Chromium is used where it is
// installed (Playwright cannot download its own browser on every machine).
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { SERVER_BUNDLE, serverNodeOptions } from "./server/server-process";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // E2E_OUTPUT_DIR: a folder of its own for a second run at the same time.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Generous: a sign-in waits for its email in MailDev, and these machines are shared.
  timeout: 60_000,
  // A page's answer to a click can take more than Playwright's default 5 s when
  // the machine is busy (two workers, their browsers and servers on two cores,
  // and other people's runs): a failed check waits longer, a passing one not.
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // No project depends on another: one failure must not leave the rest
  // unrun. scripts/test.ts orders the runs where order matters (docs/testing.md).
  // Within a run, test groups (a whole file, or one test) are handed out in
  // the order of this list to whichever worker is free. The long groups that
  // hold a worker each come first (faults and two-servers one at a time,
  // hardening files whole), so that the many short desktop tests fill in
  // beside them and the run does not end with one worker busy, one idle.
  projects: [
    // Servers of their own: PostgreSQL restarts, backup and restore, https.
    {
      name: "faults",
      testMatch: /hardening\/(database-restart|backup-restore|https-deployment)\.spec\.ts/,
      workers: 1,
    },
    // Two app servers of their own behind nginx, on the run's database (docs/deployment.md).
    { name: "two-servers", testMatch: /two-servers\.spec\.ts/, workers: 1 },
    // Hardening: each file whole in one worker, on a Folio of that worker's own
    // (e2e/hardening/own-folio.ts), so that "the database did not change" is
    // not disturbed by other tests' writes.
    {
      name: "hardening",
      testMatch: /hardening\/(route-inventory|middleware-bypass|hostile-input|newsroom-input|request-shape)\.spec\.ts/,
      fullyParallel: false,
    },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: /hardening\/|two-servers/,
    },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /reader-journey/ },
    // Run last, alone (scripts/test.ts): the logs of everything before hold no token and no address.
    { name: "logs", testMatch: /hardening\/log-hygiene\.spec\.ts/ },
  ],
  // E2E_NO_WEB_SERVER: the log check (project "logs") reads the logs of the runs
  // before it and opens no page; scripts/test.ts starts no server for it.
  webServer: process.env.E2E_NO_WEB_SERVER
    ? undefined
    : {
        command: `node ${SERVER_BUNDLE}`,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: "pipe",
        stderr: "pipe",
        env: {
          PORT: String(port),
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          NODE_OPTIONS: serverNodeOptions(process.env),
          // Every test browser is 127.0.0.1: with the default limit of 20 links a
          // quarter hour, whether a sign-in test passed would depend on how many
          // others ran before it. The limit itself is tested in
          // test/integration/sign-in-requests.test.ts.
          // A second, not ten: e2e/insights.spec.ts waits for a view to be counted.
          FOLIO_INSIGHTS_FLUSH_SECONDS: "1",
          SIGNIN_LIMIT_PER_IP: "100000",
          SIGNIN_LIMIT_PER_IP_CONFIRMED: "100000",
          INSTANT_ACCESS_LIMIT_PER_IP: "100000",
        },
      },
});
