// The connection budget (lib/db/connection-budget.ts, docs/deployment.md):
// one server process never holds more PostgreSQL connections than
// FOLIO_DB_CONNECTIONS, whatever it is doing. A Folio of its own (the
// production server, JOBS=on, a small budget so that the load reaches it) on
// a database of its own renders pages for signed-in readers, answers unlocks
// and sends a newsletter at the same time, while pg_stat_activity is sampled
// and every connection to that database is counted by application_name.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startSmtpSink, type SmtpSink } from "../test/fixtures/smtp-sink";
import { startAppServer, type AppServer } from "./hardening/app-server";
import { prepareDatabase, type PrivateReader } from "./hardening/private-app";
import { startPrivatePostgres, type PrivatePostgres } from "./hardening/private-postgres";
import { sparePostgresPort, spareWebPort } from "./hardening/spare-ports";

test.describe.configure({ mode: "serial" });

const BUDGET = 6;
// What lib/db/connection-budget.ts gives each pool of 6.
const LIMITS: Record<string, number> = { "folio-web": 3, "folio-jobs": 2, "folio-cache": 1 };
// This test's own connections, left out of the count.
const SPEC = "folio-budget-spec";
const NEWSLETTER_READERS = 150;

let cluster: PrivatePostgres | null = null;
let adminUrl: string;
let database: string;
let url: string;
let server: AppServer;
let sink: SmtpSink;
let slugs: string[];
let readers: PrivateReader[];
let editor: PrivateReader;

async function run<Row extends object>(target: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: target, application_name: SPEC });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // A database of its own on the run's PostgreSQL server; on a private cluster
  // when the run is embedded (the embedded database has no pg_stat_activity).
  if (process.env.FOLIO_DATABASE_KIND === "embedded" || !process.env.DATABASE_URL) {
    cluster = await startPrivatePostgres(sparePostgresPort(5));
    adminUrl = cluster.url("postgres");
    database = "folio_budget";
  } else {
    const runUrl = new URL(process.env.DATABASE_URL);
    database = `${runUrl.pathname.slice(1)}_budget`;
    runUrl.pathname = "/postgres";
    adminUrl = runUrl.toString();
  }
  await run(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await run(adminUrl, `CREATE DATABASE "${database}"`);
  const target = new URL(adminUrl);
  target.pathname = `/${database}`;
  url = target.toString();
  const prepared = await prepareDatabase(url, 12, 21);
  slugs = prepared.slugs;
  [editor, ...readers] = prepared.readers as [PrivateReader, ...PrivateReader[]];
  await run(url, "UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
  // Subscribers (complimentary access), who get the Daily Review.
  await run(
    url,
    `INSERT INTO users (email, email_verified, comp_until)
     SELECT 'budget-' || n || '@example.org', now(), now() + interval '30 days' FROM generate_series(1, $1) AS n`,
    [NEWSLETTER_READERS],
  );
  // The Review's 150 copies go to a sink of this test's own, not the run's
  // MailDev: there they would make every other test's look at its inbox
  // (e2e/maildev.ts) move 5 MB more.
  sink = await startSmtpSink();
  server = await startAppServer("connection-budget", spareWebPort(30), {
    DATABASE_URL: url,
    SMTP_URL: sink.url,
    FOLIO_DATABASE_KIND: "postgres",
    FOLIO_DB_CONNECTIONS: String(BUDGET),
    JOBS: "on",
    // Every page from the app, none from the whole-page cache.
    FOLIO_PAGE_CACHE_MAX_MB: "0",
    NEWSLETTER_BATCH_SIZE: "15",
    NEWSLETTER_SMTP_CONNECTIONS: "2",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  if (adminUrl) await run(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
  await cluster?.destroy();
});

type Peaks = { total: number; byName: Record<string, number>; samples: number };

/** Counts the connections to the test's database every few milliseconds until `stop` is called. */
function sampleConnections(): { stop(): Promise<Peaks> } {
  const peaks: Peaks = { total: 0, byName: {}, samples: 0 };
  let running = true;
  const sampling = (async () => {
    const client = new pg.Client({ connectionString: adminUrl, application_name: SPEC });
    await client.connect();
    try {
      while (running) {
        const { rows } = await client.query<{ name: string; connections: number }>(
          `SELECT application_name AS name, count(*)::int AS connections FROM pg_stat_activity
           WHERE datname = $1 AND application_name <> $2 GROUP BY application_name`,
          [database, SPEC],
        );
        const total = rows.reduce((sum, row) => sum + row.connections, 0);
        peaks.total = Math.max(peaks.total, total);
        for (const row of rows) peaks.byName[row.name] = Math.max(peaks.byName[row.name] ?? 0, row.connections);
        peaks.samples += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await client.end();
    }
  })();
  return {
    async stop() {
      running = false;
      await sampling;
      return peaks;
    },
  };
}

async function get(path: string, reader?: PrivateReader): Promise<number> {
  const response = await fetch(`${server.url}${path}`, {
    headers: reader ? { cookie: reader.cookie } : {},
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status;
}

async function unlock(reader: PrivateReader, slug: string): Promise<number> {
  const response = await fetch(`${server.url}/api/articles/${slug}/unlock`, {
    method: "POST",
    headers: { cookie: reader.cookie, origin: server.url },
  });
  await response.arrayBuffer();
  return response.status;
}

/** Starts the next Daily Review through the newsroom's API, with articles in its window; its id. */
async function startNewsletterSend(): Promise<string> {
  const page = await fetch(`${server.url}/admin/newsletters/daily-review`, { headers: { cookie: editor.cookie } });
  const html = await page.text();
  const issueDate = /data-issue-date="([^"]+)"/.exec(html)?.[1];
  const windowStart = /data-window-start="([^"]+)"/.exec(html)?.[1];
  expect(issueDate && windowStart, "the newsroom page names the next issue and its window").toBeTruthy();
  for (const slug of slugs.slice(0, 3)) {
    await run(url, "UPDATE articles SET published_at = $1::timestamptz + interval '1 second' WHERE slug = $2", [
      windowStart,
      slug,
    ]);
  }
  const response = await fetch(`${server.url}/api/admin/newsletters/daily-review/send`, {
    method: "POST",
    headers: { cookie: editor.cookie, origin: server.url, "content-type": "application/json" },
    body: JSON.stringify({ issueDate }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  const [issue] = await run<{ id: string }>(
    url,
    "SELECT id::text AS id FROM newsletter_issues WHERE status <> 'draft'",
  );
  return issue!.id;
}

async function issueStatus(issueId: string): Promise<{ status: string; sent: number }> {
  const [row] = await run<{ status: string; sent: number }>(
    url,
    `SELECT i.status, (SELECT count(*)::int FROM newsletter_deliveries d WHERE d.issue_id = i.id AND d.status = 'sent') AS sent
     FROM newsletter_issues i WHERE i.id = $1::uuid`,
    [issueId],
  );
  return row!;
}

test("one server under page renders, unlocks and a newsletter send stays within FOLIO_DB_CONNECTIONS", async () => {
  test.setTimeout(240_000);
  const sampler = sampleConnections();
  const statuses: number[] = [];
  let loading = true;
  const readerLoops = readers.map(async (reader, index) => {
    for (let round = 0; loading; round += 1) {
      const slug = slugs[(index + round) % slugs.length]!;
      statuses.push(await get(`/articles/${slug}`, reader));
      if (round % 4 === 0) statuses.push(await unlock(reader, slug));
      if (round % 5 === 0) statuses.push(await get("/api/me", reader));
    }
  });
  const anonymousLoops = [0, 1, 2].map(async (index) => {
    for (let round = 0; loading; round += 1) {
      statuses.push(await get(round % 2 === 0 ? "/archive" : `/search?q=fault+article+${index}`));
    }
  });
  const issueId = await startNewsletterSend();
  // Load until the issue is sent, and for at least ten seconds.
  const started = Date.now();
  for (;;) {
    const { status } = await issueStatus(issueId);
    if (status === "sent" && Date.now() - started > 10_000) break;
    expect(Date.now() - started, "the newsletter is still being sent").toBeLessThan(180_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  loading = false;
  await Promise.all([...readerLoops, ...anonymousLoops]);
  const peaks = await sampler.stop();
  console.log(`connection peaks over ${peaks.samples} samples: ${JSON.stringify(peaks)}`);

  // The load was real: every request answered, the send delivered to everyone.
  expect(statuses.length).toBeGreaterThan(200);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  expect((await issueStatus(issueId)).sent).toBe(NEWSLETTER_READERS);
  expect(sink.acceptedCount()).toBe(NEWSLETTER_READERS);
  // It filled the request pool, so a larger pool would have shown here.
  expect(peaks.byName["folio-web"]).toBe(LIMITS["folio-web"]);
  // Within the budget, and every pool within its share.
  expect(peaks.total).toBeLessThanOrEqual(BUDGET);
  // Every connection names its pool, the cache invalidation listener's too.
  for (const [name, peak] of Object.entries(peaks.byName)) {
    expect(LIMITS[name], `a connection named "${name}" is in no pool of the budget`).toBeDefined();
    expect(peak, `${name} held ${peak} connections`).toBeLessThanOrEqual(LIMITS[name]!);
  }
});
