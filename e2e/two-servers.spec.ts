// Two Folio app servers (server/main.ts, the production build) on the test
// run's database, behind nginx with round robin: the set-up docs/deployment.md
// describes. Whatever a reader or an editor does through one server is what
// the other serves: sessions, unlocks and the newsroom's changes (cache
// invalidations go through PostgreSQL's NOTIFY, docs/caching.md), and
// a scheduled article is published once, not once per server (the main test
// server runs a job runner on the same database too: three in all).
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { sql } from "./database";
import { bringScheduledTimeToNow } from "./scheduled-time";
import { gatedArticle, meterArticles } from "./fixtures";
import { startAppServer, type AppServer } from "./hardening/app-server";
import { spareWebPort } from "./hardening/spare-ports";
import { startSession } from "./sessions";
import { signIn, uniqueEmail } from "./sign-in";
import { startNginx, type Nginx } from "../scripts/lib/nginx";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

let serverA: AppServer;
let serverB: AppServer;
let nginx: Nginx;
let reader: BrowserContext;
let editor: APIRequestContext;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  const [portA, portB, portNginx] = [spareWebPort(20), spareWebPort(21), spareWebPort(22)];
  // Both run the job runner, as every server does by default.
  [serverA, serverB] = await Promise.all([
    startAppServer("two-servers-a", portA, { TRUST_PROXY: "1", JOBS: "on" }),
    startAppServer("two-servers-b", portB, { TRUST_PROXY: "1", JOBS: "on" }),
  ]);
  nginx = await startNginx({ port: portNginx, upstreams: [portA, portB] });
  // The reader's pages are on A: the sign-in link in the email points there too.
  reader = await browser.newContext({ baseURL: serverA.url });
  const editorContext = await browser.newContext();
  const person = await startSession(editorContext, uniqueEmail(test.info(), "two-servers-editor"));
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [person.id]);
  editor = editorContext.request;
});

test.afterAll(async () => {
  await reader?.close();
  await nginx?.stop();
  await Promise.all([serverA?.stop(), serverB?.stop()]);
});

/** Same-origin JSON for a server's route handlers (they refuse cross-site posts). */
const jsonFor = (server: AppServer, data: unknown) => ({
  data: data as Record<string, unknown>,
  headers: { Origin: server.url },
});

async function titleOn(api: APIRequestContext, server: { url: string }, slug: string): Promise<string | null> {
  const response = await api.get(`${server.url}/articles/${slug}`);
  if (response.status() === 404) return null;
  expect(response.status()).toBe(200);
  return /<h1[^>]*>([^<]*)<\/h1>/.exec(await response.text())?.[1] ?? "";
}

test("nginx spreads requests over both servers", async ({ request }) => {
  const upstreams = new Set<string>();
  for (let index = 0; index < 6; index++) {
    const response = await request.get(`${nginx.url}/articles/${gatedArticle.slug}`);
    expect(response.status()).toBe(200);
    upstreams.add(response.headers()["x-upstream"] ?? "");
  }
  expect([...upstreams].sort()).toEqual(
    [serverA.url, serverB.url].map((url) => `127.0.0.1:${new URL(url).port}`).sort(),
  );
});

test("a reader signed in through one server is signed in on the other", async () => {
  const page = await reader.newPage();
  // The whole sign-in (the paywall form, the emailed link, its confirmation) on A.
  const email = uniqueEmail(test.info(), "two-servers-reader");
  await signIn(page, email, { from: gatedArticle.slug });
  expect(new URL(page.url()).origin).toBe(serverA.url);
  const me = await reader.request.get(`${serverB.url}/api/me`);
  expect(await me.json()).toMatchObject({ signedIn: true, email });
  await page.goto(`${serverB.url}/`);
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  // And through nginx, whichever server answers.
  for (let index = 0; index < 4; index++) {
    expect(await (await reader.request.get(`${nginx.url}/api/me`)).json()).toMatchObject({ signedIn: true });
  }
  await page.close();
});

test("an unlock through one server is seen by the other", async () => {
  const [article] = meterArticles;
  const before = await (await reader.request.get(`${serverB.url}/articles/${article.slug}`)).text();
  expect(before).not.toContain(article.gatedSentence);
  const unlocked = await reader.request.post(`${serverA.url}/api/articles/${article.slug}/unlock`, {
    headers: { Origin: serverA.url },
  });
  expect(unlocked.status()).toBe(200);
  const after = await (await reader.request.get(`${serverB.url}/articles/${article.slug}`)).text();
  expect(after).toContain(article.gatedSentence);
  // Another article stays locked for this reader on both (the one they signed
  // up on is their registration gift).
  const locked = meterArticles[3];
  for (const server of [serverA, serverB]) {
    expect(await (await reader.request.get(`${server.url}/articles/${locked.slug}`)).text()).not.toContain(
      locked.gatedSentence,
    );
  }
});

test("publishing and editing through one server is seen on both within seconds", async ({ request }) => {
  const title = `Two servers ${randomUUID().slice(0, 8)}`;
  const created = await editor.post(
    `${serverA.url}/api/admin/articles`,
    jsonFor(serverA, {
      title,
      dek: "Published through one server.",
      body: "Before the cut.\n\n<!-- paywall -->\n\nAfter the cut.",
    }),
  );
  expect(created.status()).toBe(201);
  const draft = (await created.json()) as { id: string; slug: string; version: number };
  // Both servers have looked the address up (and cached that it shows nothing).
  for (const server of [serverA, serverB]) expect(await titleOn(request, server, draft.slug)).toBeNull();

  const published = await editor.post(`${serverA.url}/api/admin/articles/${draft.id}/publish`, jsonFor(serverA, {}));
  expect(published.status()).toBe(200);
  const publishedAt = Date.now();
  for (const server of [serverA, serverB]) {
    await expect.poll(() => titleOn(request, server, draft.slug), { timeout: 5_000, intervals: [100] }).toBe(title);
  }
  expect(Date.now() - publishedAt, "both served the new article within seconds").toBeLessThan(5_000);

  // Both serve the article (and its listing) from their caches now, the
  // anonymous article page whole (server/page-cache.ts); edit the headline through A.
  for (const server of [serverA, serverB]) {
    expect(await (await request.get(`${server.url}/`)).text()).toContain(title);
    await expect
      .poll(async () => (await request.get(`${server.url}/articles/${draft.slug}`)).headers()["x-folio-page-cache"], {
        timeout: 5_000,
      })
      .toBe("hit");
  }
  const version = (
    (await (await editor.get(`${serverA.url}/api/admin/articles/${draft.id}`)).json()) as { version: number }
  ).version;
  const edited = `${title} edited`;
  const saved = await editor.post(
    `${serverA.url}/api/admin/articles/${draft.id}`,
    jsonFor(serverA, {
      title: edited,
      dek: "Published through one server.",
      body: "Before the cut, edited.\n\n<!-- paywall -->\n\nAfter the cut.",
      version,
    }),
  );
  expect(saved.status()).toBe(200);
  const savedAt = Date.now();
  for (const server of [serverA, serverB]) {
    await expect.poll(() => titleOn(request, server, draft.slug), { timeout: 5_000, intervals: [100] }).toBe(edited);
    await expect
      .poll(async () => (await request.get(`${server.url}/`)).text(), { timeout: 5_000, intervals: [100] })
      .toContain(edited);
  }
  expect(Date.now() - savedAt, "both served the edit within seconds").toBeLessThan(5_000);
  const preview = await (await request.get(`${serverB.url}/articles/${draft.slug}`)).text();
  expect(preview).toContain("Before the cut, edited.");
});

test("an edit reaches the other server's page cache within a second, also after its listener lost the database", async ({
  request,
}) => {
  const title = `Heard through NOTIFY ${randomUUID().slice(0, 8)}`;
  const created = await editor.post(
    `${serverA.url}/api/admin/articles`,
    jsonFor(serverA, { title, dek: "Edited through A.", body: "Before the cut.\n\n<!-- paywall -->\n\nAfter." }),
  );
  expect(created.status()).toBe(201);
  const { id, slug } = (await created.json()) as { id: string; slug: string };
  expect((await editor.post(`${serverA.url}/api/admin/articles/${id}/publish`, jsonFor(serverA, {}))).status()).toBe(
    200,
  );

  /** B serves the anonymous page from its page cache (so its listener vouches for it). */
  const cachedOnB = () =>
    expect
      .poll(async () => (await request.get(`${serverB.url}/articles/${slug}`)).headers()["x-folio-page-cache"], {
        timeout: 10_000,
        intervals: [100],
      })
      .toBe("hit");

  /** Edits the headline through A; how long until B serves it. */
  async function msUntilBServesEdit(headline: string): Promise<number> {
    const { version } = (await (await editor.get(`${serverA.url}/api/admin/articles/${id}`)).json()) as {
      version: number;
    };
    const saved = await editor.post(
      `${serverA.url}/api/admin/articles/${id}`,
      jsonFor(serverA, {
        title: headline,
        dek: "Edited through A.",
        body: "Before the cut.\n\n<!-- paywall -->\n\nAfter.",
        version,
      }),
    );
    expect(saved.status()).toBe(200);
    const savedAt = Date.now();
    await expect.poll(() => titleOn(request, serverB, slug), { timeout: 5_000, intervals: [20] }).toBe(headline);
    return Date.now() - savedAt;
  }

  await cachedOnB();
  expect(await msUntilBServesEdit(`${title}, edited`), "B served the edit within a second").toBeLessThan(1_000);

  // Every server's listening connection is dropped, as a database restart or
  // a failover would; B's reconnects, catches up and caches again.
  const dropped = await sql<{ count: string }>(
    `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
     WHERE application_name = 'folio-cache' AND datname = current_database()`,
  );
  expect(Number(dropped[0]!.count)).toBeGreaterThanOrEqual(2);
  await cachedOnB();
  expect(await msUntilBServesEdit(`${title}, edited again`), "and again after reconnecting").toBeLessThan(1_000);
});

test("a scheduled article is published once, not once per server", async ({ request }) => {
  const title = `Scheduled on two servers ${randomUUID().slice(0, 8)}`;
  const created = await editor.post(
    `${serverB.url}/api/admin/articles`,
    jsonFor(serverB, {
      title,
      dek: "Goes live on its own.",
      body: "Before the cut.\n\n<!-- paywall -->\n\nAfter the cut.",
    }),
  );
  expect(created.status()).toBe(201);
  const draft = (await created.json()) as { id: string; slug: string };
  const publishAt = new Date(Date.now() + 3_600_000);
  const scheduled = await editor.post(
    `${serverB.url}/api/admin/articles/${draft.id}/schedule`,
    jsonFor(serverB, { publishAt: publishAt.toISOString() }),
  );
  expect(scheduled.status()).toBe(200);
  for (const server of [serverA, serverB]) expect(await titleOn(request, server, draft.slug)).toBeNull();
  await bringScheduledTimeToNow(draft.id);

  // Each of the three job runners is told about it; one publishes it.
  for (const server of [serverA, serverB]) {
    await expect.poll(() => titleOn(request, server, draft.slug), { timeout: 30_000, intervals: [250] }).toBe(title);
  }
  // Give the other runners' jobs and a sweep time to run as well.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const rows = await sql<{ count: string }>(
    "SELECT count(*) FROM audit_log WHERE action = 'article.publish' AND details ->> 'articleId' = $1",
    [draft.id],
  );
  expect(Number(rows[0]!.count)).toBe(1);
});
