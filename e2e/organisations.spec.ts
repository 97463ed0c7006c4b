// Organisations end to end (docs/organisations.md). An admin creates one at
// /admin/organisations (refused input named next to its field); its manager
// invites a reader at /account/organisation, who accepts from the email,
// reads everything and sees "All-Access through …" on /account, until the
// manager removes them. A reader who confirms an address at the
// organisation's domain reads everything. And a reader from the
// organisation's IP range reads everything without signing in, privately,
// while the next request from another address gets the preview, from the
// page cache or not; the paywall leak checks run over those other addresses.
//
// The run's server sees every browser as 127.0.0.1, so the IP tests use a
// server of their own behind a pretend proxy (TRUST_PROXY=1): the address a
// request comes from is the X-Forwarded-For it sends.
import { randomBytes } from "node:crypto";
import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import { sql } from "./database";
import { dayFromNow } from "./day-from-now";
import { GATED_SENTENCE, PREVIEW_SENTENCE, gatedArticle, markerArticle, CUT_GATED_SENTENCE } from "./fixtures";
import { startAppServer, type AppServer } from "./hardening/app-server";
import { spareWebPort } from "./hardening/spare-ports";
import { mailsTo, waitForMails } from "./maildev";
import { keptPage } from "./page-cache";
import { createReader, startSession } from "./sessions";
import { confirmLink, latestLinkFor, requestLink, uniqueEmail } from "./sign-in";

const paywall = (page: Page) => page.getByRole("complementary", { name: "Continue reading" });
const LAST_PARAGRAPH = "That number would leave room for seasonal demand without flooding the market.";
const PRIVATE = "private, no-store";

/** Tells every server that organisations changed, as saving one through the app does (lib/cache/invalidate-tags.ts). */
async function organisationsChanged(): Promise<void> {
  await sql(`
    WITH changed AS (
      INSERT INTO cache_tag_invalidations (tag, invalidated_at) VALUES ('organisations', clock_timestamp())
      ON CONFLICT (tag) DO UPDATE SET invalidated_at = EXCLUDED.invalidated_at RETURNING tag)
    SELECT count(pg_notify('folio_cache_invalidations', tag)) FROM changed`);
}

/** An organisation running from yesterday to next month, written directly (its admin form is tested below). */
async function organisationWith(fields: { ranges?: string[]; domains?: string[] }): Promise<string> {
  const [organisation] = await sql<{ id: string }>(
    `INSERT INTO organisations (name, starts_at, ends_at)
     VALUES ($1, date_trunc('day', now()) - interval '1 day', date_trunc('day', now()) + interval '31 days') RETURNING id`,
    [`E2E organisation ${randomBytes(3).toString("hex")}`],
  );
  for (const range of fields.ranges ?? []) {
    await sql("INSERT INTO organisation_ip_ranges (organisation_id, range) VALUES ($1, $2::cidr)", [
      organisation!.id,
      range,
    ]);
  }
  for (const domain of fields.domains ?? []) {
    await sql("INSERT INTO organisation_domains (organisation_id, domain) VALUES ($1, $2)", [organisation!.id, domain]);
  }
  await organisationsChanged();
  return organisation!.id;
}

test.describe("an organisation's IP ranges", () => {
  // One worker, one server of its own on its port.
  test.describe.configure({ mode: "serial" });
  let server: AppServer;
  const hex = () => randomBytes(2).toString("hex");
  // Ranges of this run's own (public unicast: private ranges are refused), and addresses in and out of them.
  const v4Net = `81.${1 + (randomBytes(1)[0]! % 250)}.${randomBytes(1)[0]!}`;
  const v6Net = `2a02:c7f:${hex()}:${hex()}`;
  const inside = [`${v4Net}.77`, `${v6Net}::1`];
  const outside = [`82.${v4Net.slice(3)}.77`, `2a02:c7e:${hex()}::1`, `${v4Net.replace(/^81/, "83")}.1`];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await organisationWith({ ranges: [`${v4Net}.0/24`, `${v6Net}::/64`] });
    server = await startAppServer("organisations", spareWebPort(37), { TRUST_PROXY: "1", JOBS: "off" });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  const from = (address: string, headers: Record<string, string> = {}) =>
    request.newContext({ baseURL: server.url, extraHTTPHeaders: { "X-Forwarded-For": address, ...headers } });

  async function get(context: APIRequestContext, path: string, headers: Record<string, string> = {}) {
    // Followed: Next.js answers a router request without its ?_rsc= with a redirect to it.
    const response = await context.get(path, { headers });
    return { status: response.status(), headers: response.headers(), body: await response.text() };
  }

  test("a reader from the range reads everything unsigned; the next request from another address gets the preview", async ({
    browser,
  }) => {
    const path = `/articles/${gatedArticle.slug}`;
    const others = await Promise.all(outside.map((address) => from(address)));
    const admitted = await Promise.all(inside.map((address) => from(address)));
    try {
      await test.step("another address fills the page cache with the preview", async () => {
        // The server hears of the new ranges through the invalidation listener (within a second).
        await expect.poll(async () => (await get(admitted[0]!, path)).body.includes(GATED_SENTENCE)).toBe(true);
        const cached = await (await keptPage(others[0]!, path)).text();
        expect(cached).toContain(PREVIEW_SENTENCE);
        expect(cached).not.toContain(GATED_SENTENCE);
      });

      await test.step("an address in the range, IPv4 and IPv6, reads it whole, privately, never from the cache", async () => {
        for (const context of admitted) {
          for (let round = 0; round < 2; round++) {
            const page = await get(context, path);
            expect(page.status).toBe(200);
            expect(page.body).toContain(GATED_SENTENCE);
            expect(page.body).toContain(LAST_PARAGRAPH);
            expect(page.headers["cache-control"]).toBe(PRIVATE);
            expect(page.headers["x-folio-page-cache"]).toBeUndefined();
          }
          // The router's payload of the page too.
          const payload = await get(context, path, { RSC: "1" });
          expect(payload.body).toContain(GATED_SENTENCE);
          expect(payload.headers["cache-control"]).toBe(PRIVATE);
          // Other pages from that address are not stored for anyone either.
          expect((await get(context, "/")).headers["x-folio-page-cache"]).toBeUndefined();
        }
      });

      await test.step("from the range, search finds the gated text too, privately", async () => {
        for (const surface of [`/search?q=${encodeURIComponent('"nineteen tankers"')}`, "/api/search?q=tankers"]) {
          const answer = await get(admitted[0]!, surface);
          expect(answer.status, surface).toBe(200);
          // The snippet around the match: the gated sentence's last word, typed by no one.
          expect(answer.body, surface).toContain(GATED_SENTENCE.split(" ").at(-1)!);
          expect(answer.headers["cache-control"], surface).toBe(PRIVATE);
          expect(answer.headers["x-folio-page-cache"], surface).toBeUndefined();
        }
      });

      await test.step("as a person sees it: the last paragraph, no paywall", async () => {
        const context = await browser.newContext({
          baseURL: server.url,
          extraHTTPHeaders: { "X-Forwarded-For": inside[0]! },
        });
        const page = await context.newPage();
        await page.goto(path);
        await expect(page.getByText(LAST_PARAGRAPH)).toBeVisible();
        await expect(paywall(page)).toHaveCount(0);
        await context.close();
      });

      await test.step("the next anonymous request from another address gets the preview: no gated word on any surface", async () => {
        const traces = [GATED_SENTENCE, GATED_SENTENCE.split(" ").at(-1)!, CUT_GATED_SENTENCE.split(" ").at(-1)!];
        const surfaces: [string, Record<string, string>][] = [
          [path, {}],
          [`${path}?utm_source=x`, {}],
          [path, { RSC: "1" }],
          [path, { RSC: "1", "Next-Router-Prefetch": "1" }],
          [`/articles/${markerArticle.slug}`, {}],
          [`/search?q=${encodeURIComponent('"nineteen tankers"')}`, {}],
          ["/api/search?q=tankers", {}],
          ["/feed.xml", {}],
        ];
        for (const context of others) {
          for (const [surface, headers] of surfaces) {
            const answer = await get(context, surface, headers);
            expect(answer.status, surface).toBe(200);
            for (const trace of traces)
              expect(answer.body.includes(trace), `${surface} ${JSON.stringify(headers)}`).toBe(false);
          }
          const page = await get(context, path);
          expect(page.body).toContain(PREVIEW_SENTENCE);
          expect(page.headers["cache-control"]).not.toBe(PRIVATE);
        }
      });
    } finally {
      await Promise.all([...others, ...admitted].map((context) => context.dispose()));
    }
  });

  test("a signed-in reader from the range reads whole, and their page is kept for no other reader", async ({}, testInfo) => {
    const path = `/articles/${markerArticle.slug}`;
    const session = async (label: string) => {
      const reader = await createReader(uniqueEmail(testInfo, label));
      const token = randomBytes(32).toString("hex");
      await sql("INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '30 days')", [
        token,
        reader.id,
      ]);
      return `authjs.session-token=${token}`;
    };
    // Two free readers of the same variant (three free articles left), one in the range.
    const [insider, outsider, another] = [
      await session("insider"),
      await session("outsider"),
      await session("another"),
    ];
    const admitted = await from(inside[0]!, { cookie: insider });
    const other = await from(outside[0]!, { cookie: outsider });
    const third = await from(outside[1]!, { cookie: another });
    try {
      for (let round = 0; round < 2; round++) {
        const page = await get(admitted, path);
        expect(page.body).toContain(CUT_GATED_SENTENCE);
        expect(page.headers["cache-control"]).toBe(PRIVATE);
        expect(page.headers["x-folio-page-cache"]).toBeUndefined();
      }
      for (const context of [other, third]) {
        const page = await get(context, path);
        expect(page.body).not.toContain(CUT_GATED_SENTENCE);
        expect(page.body).toContain("Read this article");
      }
    } finally {
      await Promise.all([admitted, other, third].map((context) => context.dispose()));
    }
  });
});

test("a reader who confirms an address at the organisation's domain reads everything", async ({ page }, testInfo) => {
  test.slow();
  const domain = `org-${randomBytes(4).toString("hex")}.example.edu`;
  await organisationWith({ domains: [domain] });
  const email = uniqueEmail(testInfo, "faculty").replace("@example.org", `@${domain}`);

  await test.step("before confirming: the one article of the instant access, the preview of another", async () => {
    expect(await requestLink(page, email, { from: gatedArticle.slug })).toBe("instant");
    await page.goto(`/articles/${markerArticle.slug}`);
    await expect(paywall(page)).toBeVisible();
    await expect(page.getByText(CUT_GATED_SENTENCE)).toHaveCount(0);
  });

  await test.step("signing in by the emailed link confirms the address: everything reads whole", async () => {
    await confirmLink(page, await latestLinkFor(email));
    await page.goto(`/articles/${markerArticle.slug}`);
    await expect(page.locator(".gated-section")).toContainText(CUT_GATED_SENTENCE);
    await expect(paywall(page)).toHaveCount(0);
    // Like a subscriber: no meter, no "Subscribe" in the masthead.
    await expect(page.getByText(/free articles? left this month/)).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Subscribe", exact: true })).toHaveCount(0);
    await page.goto("/account");
    await expect(page.getByText(/^All-Access through E2E organisation \w+ until \d+ \w+ \d{4}/)).toBeVisible();
    await expect(page.getByText("You read everything; free articles are not counted.")).toBeVisible();
    expect(await (await page.request.get("/api/me")).json()).toMatchObject({
      plan: "all-access",
      organisations: [{ name: expect.stringMatching(/^E2E organisation /) }],
    });
  });
});

test("an admin creates an organisation with seats; its manager invites, the reader joins, the manager removes them", async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const admin = await startSession(page.context(), uniqueEmail(testInfo, "admin"));
  await sql("UPDATE users SET role = 'admin' WHERE id = $1", [admin.id]);
  const managerContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const managerPage = await managerContext.newPage();
  const manager = await startSession(managerContext, uniqueEmail(testInfo, "manager"));
  const name = `Institute ${randomBytes(3).toString("hex")}`;
  const domain = `institute-${randomBytes(4).toString("hex")}.example.edu`;
  const lastDay = dayFromNow(60);
  // Organisations of this name: other tests create organisations at the same time.
  const count = async () =>
    Number((await sql<{ n: string }>("SELECT count(*) AS n FROM organisations WHERE name = $1", [name]))[0]!.n);

  await test.step("the admin's form refuses a consumer mail domain and a malformed range, saving nothing", async () => {
    await page.goto("/admin/organisations");
    await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("First day").fill(dayFromNow(-1));
    await page.getByLabel("Last day").fill(lastDay);
    await page.getByLabel("Email domains").fill(`${domain}\ngmail.com`);
    await page.getByLabel("IP ranges").fill("81.2.69.9/24");
    await page.getByLabel("Seats").fill("2");
    await page.getByLabel("Manager’s email address").fill(manager.email);
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await expect(page.getByText("gmail.com is a consumer mail service")).toBeVisible();
    await expect(page.getByText("81.2.69.9/24 has host bits set")).toBeVisible();
    // What was typed is still there.
    await expect(page.getByLabel("Name")).toHaveValue(name);
    expect(await count()).toBe(0);
  });

  await test.step("corrected, it is created and listed", async () => {
    await page.getByLabel("Email domains").fill(domain);
    await page.getByLabel("IP ranges").fill("");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByRole("status")).toHaveText("The organisation is created.");
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByLabel("Email domains")).toHaveValue(domain);
    await page.getByRole("link", { name: "All organisations" }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("1 domain · 0 of 2 seats taken");
  });

  const invitee = uniqueEmail(testInfo, "invitee");
  await test.step("the manager invites a reader from their page", async () => {
    await managerPage.goto("/account");
    await managerPage.getByRole("link", { name: "invite and remove members" }).click();
    await expect(managerPage.getByRole("heading", { name, level: 1 })).toBeVisible();
    await managerPage.getByLabel("Invite by email address").fill(invitee);
    await managerPage.getByRole("button", { name: "Send invitation" }).click();
    await expect(managerPage.getByRole("status")).toHaveText(`Invitation sent to ${invitee}.`);
    await expect(managerPage.getByRole("row", { name: new RegExp(invitee) })).toContainText("Withdraw");
    await expect(managerPage.getByText("0 of 2 seats taken, 1 more held by a pending invitation.")).toBeVisible();
  });

  const readerContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const readerPage = await readerContext.newPage();
  await test.step("the reader opens the emailed link, signs in and joins", async () => {
    const [mail] = await waitForMails(invitee, 1);
    expect(mail!.subject).toMatch(new RegExp(`^${name} invites you to read `));
    const link = mail!.text.match(/https?:\/\/\S+\/account\/organisation\/join\?\S+/)![0];
    const path = new URL(link).pathname + new URL(link).search;
    await readerPage.goto(path);
    await expect(readerPage.getByRole("link", { name: `Sign in as ${invitee} to accept` })).toBeVisible();
    await startSession(readerContext, invitee);
    await readerPage.goto(path);
    await readerPage.getByRole("button", { name: `Join ${name}` }).click();
    await expect(readerPage).toHaveURL(/\/account\?notice=organisation-joined/);
    await expect(readerPage.getByText(`All-Access through ${name} until`)).toBeVisible();
    await readerPage.goto(`/articles/${markerArticle.slug}`);
    await expect(readerPage.locator(".gated-section")).toContainText(CUT_GATED_SENTENCE);
  });

  await test.step("the manager sees who joined and when they last read, and removes them", async () => {
    await managerPage.goto("/account/organisation");
    const row = managerPage.getByRole("row", { name: new RegExp(invitee) });
    await expect(row).toContainText("Remove");
    await expect(row).not.toContainText("Not yet");
    await expect(managerPage.getByText("1 of 2 seats taken.")).toBeVisible();
    await row.getByRole("button", { name: `Remove ${invitee}` }).click();
    await expect(managerPage.getByRole("status")).toHaveText(
      "The member is removed: they no longer read through the organisation.",
    );
    await expect(managerPage.getByText("Nobody has joined yet.")).toBeVisible();
  });

  await test.step("removed, the reader gets the preview at once", async () => {
    await readerPage.goto(`/articles/${markerArticle.slug}`);
    await expect(paywall(readerPage)).toBeVisible();
    await expect(readerPage.locator(".gated-section")).toHaveCount(0);
  });

  await test.step("every change is in the audit log", async () => {
    await page.goto("/admin/audit");
    for (const what of [
      `created the organisation ${name}`,
      `invited a reader to ${name}`,
      `joined ${name}`,
      `removed a member of ${name}`,
    ]) {
      await expect(page.getByRole("row").filter({ hasText: what }).first()).toBeVisible();
    }
  });

  expect(await mailsTo(invitee)).toHaveLength(1);
  await Promise.all([managerContext.close(), readerContext.close()]);
});
