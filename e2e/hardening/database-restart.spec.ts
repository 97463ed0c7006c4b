// PostgreSQL restarts under load. A Folio of its own runs on a private
// cluster (private-postgres.ts; the shared server is never touched) while
// readers load pages, ask /api/me and unlock articles. The cluster is
// stopped (cutting in-flight queries), probed while down, and started again.
// Every answer is a success or a clean 503 (a friendly page, or JSON, with
// Retry-After), never a 500 or a stack trace; the app recovers by itself, the
// same process; every unlock that was answered 200 is there, none twice; a
// Stripe webhook sent while the database is down gets a non-2xx answer, and
// its redelivery is processed exactly once.
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "./app-server";
import { prepareDatabase, query, type PrivateReader } from "./private-app";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres";
import { internalsIn, send } from "./raw-request";
import { sparePostgresPort, spareWebPort } from "./spare-ports";
import { buyMonthlyAtEmulator, eventsOfCustomer, signedWebhook, type StripeEvent } from "./stripe-subscription";

test.describe.configure({ mode: "serial" });

let cluster: PrivatePostgres;
let server: AppServer;
let url: string;
let slugs: string[];
let readers: PrivateReader[];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startPrivatePostgres(sparePostgresPort(0));
  await query(cluster.url("postgres"), "CREATE DATABASE folio");
  url = cluster.url("folio");
  ({ slugs, readers } = await prepareDatabase(url, 12, 4));
  // JOBS on: pg-boss must ride out the restart too.
  server = await startAppServer("database-restart", spareWebPort(0), {
    DATABASE_URL: url,
    JOBS: "on",
    TRUST_PROXY: "0",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await cluster?.destroy();
});

type Outcome = { what: string; status: number; body: string; retryAfter: string | null };

// A connection per request (raw-request.ts): a keep-alive connection that the
// server closes as idle must not pass for a request the server dropped.
async function hit(
  what: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Outcome> {
  const response = await send(
    { method: init.method ?? "GET", path, headers: init.headers, body: init.body },
    new URL(server.url),
  );
  const retryAfter = response.headers["retry-after"];
  return {
    what,
    status: response.status,
    body: response.body,
    retryAfter: typeof retryAfter === "string" ? retryAfter : null,
  };
}

function expectClean(outcome: Outcome): void {
  const label = `${outcome.what}: ${outcome.status} ${outcome.body.slice(0, 160)}`;
  expect(outcome.status, label).not.toBe(500);
  expect(outcome.status >= 500 ? outcome.status : 503, label).toBe(503);
  expect(internalsIn(outcome.body), label).toBeNull();
  if (outcome.status === 503) {
    expect(outcome.retryAfter, label).not.toBeNull();
    if (outcome.what.startsWith("api"))
      expect(JSON.parse(outcome.body)).toMatchObject({ error: "service_unavailable" });
    else if (!outcome.what.startsWith("webhook")) expect(outcome.body).toContain("Please try again in a moment");
  }
}

// Each reader unlocks three articles of their own: the monthly quota exactly.
function unlockPairs(): [PrivateReader, string][] {
  return readers.flatMap((reader, index) =>
    slugs.slice(index * 3, index * 3 + 3).map((slug) => [reader, slug] as [PrivateReader, string]),
  );
}

function unlock(reader: PrivateReader, slug: string): Promise<Outcome> {
  return hit(`api unlock ${slug}`, `/api/articles/${slug}/unlock`, {
    method: "POST",
    headers: { cookie: reader.cookie },
  });
}

function deliver(event: StripeEvent): Promise<Outcome> {
  const { body, headers } = signedWebhook(event);
  return hit(`webhook ${event.type}`, "/api/stripe/webhook", { method: "POST", body, headers });
}

test("a PostgreSQL restart under load: clean 503s, recovery without a restart, nothing lost or doubled", async () => {
  test.setTimeout(300_000);
  // A subscriber-to-be: paid at the emulator, its webhooks delivered by this test.
  const buyer = readers[3]!;
  const { customerId } = await buyMonthlyAtEmulator(buyer);
  await query(url, "UPDATE users SET stripe_customer_id = $1 WHERE id = $2", [customerId, buyer.id]);
  const events = await eventsOfCustomer(customerId);
  expect(events.map((event) => event.type)).toContain("customer.subscription.created");

  const outcomes: Outcome[] = [];
  const unlocked = new Map<string, number[]>();
  let running = true;
  const until = Date.now() + 120_000;
  const pairs = unlockPairs().filter(([reader]) => reader !== buyer);
  const loops = [
    (async () => {
      for (let index = 0; running && Date.now() < until; index++)
        outcomes.push(await hit("page article", `/articles/${slugs[index % slugs.length]}`));
    })(),
    (async () => {
      for (let index = 0; running && Date.now() < until; index++) {
        outcomes.push(await hit("api me", "/api/me", { headers: { cookie: readers[index % readers.length]!.cookie } }));
      }
    })(),
    (async () => {
      for (let index = 0; running && Date.now() < until; index++) {
        const [reader, slug] = pairs[index % pairs.length]!;
        const outcome = await unlock(reader, slug);
        outcomes.push(outcome);
        unlocked.set(`${reader.id} ${slug}`, [...(unlocked.get(`${reader.id} ${slug}`) ?? []), outcome.status]);
      }
    })(),
  ];

  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await cluster.stop();
  // While the database is down: each kind of request, deterministically.
  const down = [
    await hit("page front", "/"),
    await hit("page article", `/articles/${slugs[0]}`),
    await hit("page account", "/account", { headers: { cookie: readers[0]!.cookie } }),
    await hit("api me", "/api/me", { headers: { cookie: readers[0]!.cookie } }),
    await hit("api search", "/api/search?q=fault"),
    await unlock(readers[0]!, slugs[0]!),
    await deliver(events[0]!),
  ];
  for (const outcome of down) {
    expectClean(outcome);
    expect(outcome.status, `${outcome.what} while the database is down`).toBe(503);
  }
  const health = await hit("api health", "/api/health");
  expect(health.status).toBe(503);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await cluster.start();

  // The same server process recovers by itself.
  const deadline = Date.now() + 60_000;
  while ((await hit("api health", "/api/health")).status !== 200) {
    expect(Date.now(), "the app did not recover within a minute").toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  running = false;
  await Promise.all(loops);

  for (const outcome of outcomes) expectClean(outcome);
  expect(outcomes.filter((outcome) => outcome.status === 200).length).toBeGreaterThan(0);
  expect((await hit("page front", "/")).status).toBe(200);

  // Unlocks: every 200 is a row; after retrying every pair, exactly one row each.
  const rows = await query<{ user_id: string; slug: string }>(
    url,
    "SELECT u.user_id, a.slug FROM article_unlocks u JOIN articles a ON a.id = u.article_id",
  );
  const stored = new Set(rows.map((row) => `${row.user_id} ${row.slug}`));
  for (const [pair, statuses] of unlocked) if (statuses.includes(200)) expect(stored.has(pair), pair).toBe(true);
  for (const [reader, slug] of pairs) {
    const retry = await unlock(reader, slug);
    expect(retry.status, `${slug}: ${retry.body}`).toBe(200);
  }
  const after = await query<{ user_id: string; unlocks: number }>(
    url,
    "SELECT user_id, count(*)::int AS unlocks FROM article_unlocks GROUP BY user_id",
  );
  expect(after.reduce((sum, row) => sum + row.unlocks, 0)).toBe(pairs.length);
  for (const row of after) expect(row.unlocks).toBe(3);

  // Webhooks: delivered again after recovery, each handled event is recorded once.
  for (const event of events) {
    const outcome = await deliver(event);
    expect(outcome.status, `${event.type}: ${outcome.body}`).toBe(200);
  }
  for (const event of events) {
    const outcome = await deliver(event);
    expect(outcome.status).toBe(200);
    expect(JSON.parse(outcome.body).result).not.toBe("processed");
  }
  const recorded = await query<{ id: string; n: number }>(
    url,
    "SELECT id, count(*)::int AS n FROM stripe_events GROUP BY id",
  );
  expect(recorded.length).toBeGreaterThan(0);
  for (const row of recorded) expect(row.n).toBe(1);
  const subscriptions = await query<{ status: string }>(url, "SELECT status FROM subscriptions WHERE user_id = $1", [
    buyer.id,
  ]);
  expect(subscriptions.map((row) => row.status)).toEqual(["active"]);
  const me = await hit("api me", "/api/me", { headers: { cookie: buyer.cookie } });
  expect(JSON.parse(me.body)).toMatchObject({ signedIn: true, plan: "all-access" });
});
