// The backup drill: a Folio of its own gets readers, unlocks, a subscription
// and processed Stripe events through its own API; `npm run db:backup` dumps
// its database, `npm run db:restore` loads the dump into an empty database
// elsewhere, and a server booted on the copy finds everything: sessions,
// unlocks, the subscriber's plan, and the events (a replay is a duplicate).
// On the embedded database when the run is embedded, else on the run's
// PostgreSQL server (two databases of its own beside the run's).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded/embedded-postgres";
import { startAppServer } from "./app-server";
import { prepareDatabase, query, type PrivateReader } from "./private-app";
import { spareWebPort } from "./spare-ports";
import { buyMonthlyAtEmulator, eventsOfCustomer, signedWebhook, type StripeEvent } from "./stripe-subscription";

const ROOT = path.resolve(import.meta.dirname, "../..");
const embedded = process.env.FOLIO_DATABASE_KIND === "embedded";

type Side = { url: string; env: Record<string, string | undefined>; close(): Promise<void> };

let folder: string;
const cleanups: (() => Promise<void>)[] = [];

test.beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "folio-backup-drill-"));
});

test.afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  rmSync(folder, { recursive: true, force: true });
});

/** A database for one side of the drill, and the settings the backup scripts need to find it. */
async function side(name: string): Promise<Side> {
  if (embedded) {
    const dataDir = path.join(folder, name);
    let database: EmbeddedPostgres | null = await startEmbeddedPostgres(path.join(dataDir, "postgres"));
    const close = async () => {
      await database?.stop();
      database = null;
    };
    cleanups.push(close);
    return { url: database.url, env: { DATABASE_URL: undefined, FOLIO_DATA_DIR: dataDir }, close };
  }
  const server = new URL(process.env.DATABASE_URL!);
  const database = `${server.pathname.slice(1)}_drill_${name}`;
  await query(server.toString(), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await query(server.toString(), `CREATE DATABASE "${database}"`);
  cleanups.push(() => query(server.toString(), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).then(() => {}));
  const url = new URL(server);
  url.pathname = `/${database}`;
  return { url: url.toString(), env: { DATABASE_URL: url.toString() }, close: async () => {} };
}

function npm(args: string[], env: Record<string, string | undefined>): { status: number; output: string } {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const result = spawnSync("npm", ["run", "--silent", ...args], {
    cwd: ROOT,
    env: merged,
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

async function get(base: string, path: string, reader?: PrivateReader): Promise<Response> {
  return fetch(`${base}${path}`, { headers: reader ? { cookie: reader.cookie } : {}, redirect: "manual" });
}

function deliver(base: string, event: StripeEvent): Promise<Response> {
  const { body, headers } = signedWebhook(event);
  return fetch(`${base}/api/stripe/webhook`, { method: "POST", body, headers });
}

test("backup, restore into an empty database, boot on the copy: everything is there", async () => {
  test.setTimeout(600_000);
  // The source: a Folio with data written through its own API.
  const source = await side("source");
  const { slugs, readers } = await prepareDatabase(source.url, 4, 2);
  const [reader, subscriber] = readers as [PrivateReader, PrivateReader];
  const original = await startAppServer("backup-source", spareWebPort(2), { DATABASE_URL: source.url, JOBS: "off" });
  cleanups.push(() => original.stop());
  for (const slug of slugs.slice(0, 2)) {
    const unlocked = await fetch(`${original.url}/api/articles/${slug}/unlock`, {
      method: "POST",
      headers: { cookie: reader.cookie },
    });
    expect(unlocked.status).toBe(200);
  }
  const { customerId } = await buyMonthlyAtEmulator(subscriber);
  await query(source.url, "UPDATE users SET stripe_customer_id = $1 WHERE id = $2", [customerId, subscriber.id]);
  const events = await eventsOfCustomer(customerId);
  for (const event of events) expect((await deliver(original.url, event)).status).toBe(200);
  const processed = await query<{ id: string }>(source.url, "SELECT id FROM stripe_events ORDER BY id");
  expect(processed.length).toBeGreaterThan(0);
  await original.stop();
  await source.close();

  // The backup.
  const file = path.join(folder, embedded ? "folio.sql" : "folio.dump");
  const backup = npm(["db:backup", "--", "--out", file], source.env);
  expect(backup.status, backup.output).toBe(0);
  expect(statSync(file).size).toBeGreaterThan(1000);
  // A server database's backup and restore say how far they are (in a log: plain lines, the last one whole).
  if (!embedded) expect(backup.output).toMatch(/Tables dumped (\d+)\/\1 · /);

  // The restore, into an empty database elsewhere; a second restore over it is refused.
  const copy = await side("copy");
  await copy.close();
  const restore = npm(["db:restore", "--", file], copy.env);
  expect(restore.status, restore.output).toBe(0);
  if (!embedded) expect(restore.output).toMatch(/Objects restored \d+\/\d+ · /);
  const again = npm(["db:restore", "--", file], copy.env);
  expect(again.status).not.toBe(0);
  expect(again.output).toContain("not empty");

  // A server on the copy finds everything.
  const reopened = embedded ? await side("copy") : copy;
  const restored = await startAppServer("backup-copy", spareWebPort(3), { DATABASE_URL: reopened.url, JOBS: "off" });
  cleanups.push(() => restored.stop());
  const readerMe = await (await get(restored.url, "/api/me", reader)).json();
  expect(readerMe).toMatchObject({ signedIn: true, email: reader.email, plan: "free", freeArticles: { used: 2 } });
  const subscriberMe = await (await get(restored.url, "/api/me", subscriber)).json();
  expect(subscriberMe).toMatchObject({ signedIn: true, plan: "all-access" });
  const account = await (await get(restored.url, "/account", reader)).text();
  expect(account).toContain("Fault Article 0");
  expect(account).toContain("Fault Article 1");
  const gated = await (await get(restored.url, `/articles/${slugs[0]}`, reader)).text();
  expect(gated).toContain("faultgated0");
  const copied = await query<{ id: string }>(reopened.url, "SELECT id FROM stripe_events ORDER BY id");
  expect(copied).toEqual(processed);
  for (const event of events) {
    const replay = await deliver(restored.url, event);
    expect(replay.status).toBe(200);
    expect((await replay.json()).result).not.toBe("processed");
  }
  await restored.stop();
});
