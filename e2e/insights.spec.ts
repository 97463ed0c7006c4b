// The publisher's dashboard (/admin/insights): an admin changes the period
// and downloads a CSV whose numbers are the page's; a view served by the web
// server (rendered, then from the page cache) is counted; an editor sees no
// revenue; a reader is refused; a period that cannot be shown says why.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "./database";
import { gatedArticle, markerArticle } from "./fixtures";
import { untilCached } from "./page-cache";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

// A week no other test counts in (everything else happens today): Monday 2 to Sunday 8 June 2025.
const MONDAY = "2025-06-02";
const THURSDAY = "2025-06-05";
const SUNDAY = "2025-06-08";
const COUNTS: [string, string, number][] = [
  [MONDAY, "view.anonymous", 1200],
  [MONDAY, "panel", 800],
  [MONDAY, "registration", 96],
  [MONDAY, "gift", 30],
  [MONDAY, "unlock", 71],
  [MONDAY, "checkout", 24],
  [MONDAY, "subscription", 12],
  [THURSDAY, "view.anonymous", 300],
  [THURSDAY, "panel", 200],
  [THURSDAY, "registration", 4],
  [THURSDAY, "cancellation", 3],
];

async function signInAs(page: Page, role: "admin" | "editor" | "reader", label: string) {
  const person = await startSession(page.context(), uniqueEmail(test.info(), label));
  await sql('UPDATE users SET role = $1::"Role" WHERE id = $2', [role, person.id]);
  return person;
}

/** The rows of a CSV file this dashboard writes (no quoted line breaks in these). */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split("\r\n")
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, "")))
    .map((cells) => cells.slice(0, -1));
}

test.beforeAll(async () => {
  const [article] = await sql<{ id: string }>("SELECT id FROM articles WHERE slug = $1", [gatedArticle.slug]);
  for (const [day, metric, count] of COUNTS) {
    await sql(
      `INSERT INTO insight_counts (day, metric, article_id, count) VALUES ($1::date, $2, $3::uuid, $4)
       ON CONFLICT (day, metric, article_id) DO UPDATE SET count = EXCLUDED.count`,
      [day, metric, article!.id, count],
    );
  }
});

test("an admin changes the period and downloads the funnel: the CSV has the page's numbers", async ({ page }) => {
  await signInAs(page, "admin", "insights-admin");
  await page.goto("/admin/insights");
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Revenue and subscribers" })).toBeVisible();

  const form = page.getByRole("form", { name: "Period" });
  await form.getByLabel("Period").selectOption("custom");
  await form.getByLabel("From (custom)").fill(MONDAY);
  await form.getByLabel("To (custom)").fill(SUNDAY);
  await form.getByLabel("Group by").selectOption("week");
  await form.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/period=custom/);
  await expect(page.getByText(`${MONDAY} to ${SUNDAY}, by week`)).toBeVisible();

  const funnel = page.getByRole("figure", { name: "The funnel" });
  await funnel.getByText("Table").click();
  const table = funnel.getByRole("table", { name: "The funnel" });
  const expected: [string, string, string][] = [
    ["Article views, anonymous", "1,500", "—"],
    ["Paywall panels shown", "1,000", "66.7%"],
    ["Registrations", "100", "10.0%"],
    ["Instant-access gifts", "30", "3.0%"],
    ["Free articles unlocked", "71", "71.0%"],
    ["Checkouts started", "24", "2.4%"],
    ["Subscriptions started", "12", "50.0%"],
    ["Cancellations", "3", "25.0%"],
  ];
  for (const [step, count, conversion] of expected) {
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: step, exact: true }) });
    await expect(row.getByRole("cell").first()).toHaveText(count);
    await expect(row.getByRole("cell").last()).toHaveText(conversion);
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    funnel.getByRole("link", { name: "Download CSV of The funnel" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`folio-funnel-${MONDAY}-to-${SUNDAY}.csv`);
  const rows = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(rows[0]).toEqual(["from", "to", ...expected.map(([step]) => step)]);
  // One week, then the total: each the count the page shows.
  const numbers = expected.map(([, count]) => count.replace(",", ""));
  expect(rows.slice(1)).toEqual([
    [MONDAY, SUNDAY, ...numbers],
    ["total", "", ...numbers],
  ]);

  // The article table names the article the counts were on, with the same views.
  const articles = page.getByRole("table", { name: /The top ten articles by views/ });
  await expect(articles.getByRole("row", { name: new RegExp(gatedArticle.title) })).toContainText("1,500");
});

test("a view is counted on the server, rendered or served from the page cache", async ({ page, browser }) => {
  await signInAs(page, "admin", "insights-counter");
  const viewsOf = async () => {
    const response = await page.request.get(`/admin/insights/export?csv=articles&period=7d`);
    expect(response.status()).toBe(200);
    const row = parseCsv(await response.text()).find((cells) => cells[1] === markerArticle.slug);
    return row ? Number(row[2]) : 0;
  };
  const before = await viewsOf();
  const anonymous = await browser.newContext();
  const path = `/articles/${markerArticle.slug}`;
  expect((await anonymous.request.get(path)).status()).toBe(200);
  // Then until one is answered from the page cache (more than one when a
  // newsroom change beside this test emptied it): every request a view.
  let requests = 1;
  await untilCached(() => {
    requests += 1;
    return anonymous.request.get(path);
  }, "the article comes from the page cache");
  // Counted in memory and added within a second (FOLIO_INSIGHTS_FLUSH_SECONDS in playwright.config.ts).
  await expect.poll(viewsOf, { timeout: 15_000 }).toBeGreaterThanOrEqual(before + requests);
  await anonymous.close();
});

test("an editor sees the dashboard without revenue; a reader is refused", async ({ page, browser }) => {
  await signInAs(page, "editor", "insights-editor");
  await page.goto("/admin/insights");
  await expect(page.getByRole("heading", { name: "The funnel" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Newsletters" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Revenue and subscribers" })).toHaveCount(0);
  await expect(page.getByText("Monthly recurring revenue")).toHaveCount(0);
  for (const csv of ["revenue", "churn"]) {
    const refused = await page.request.get(`/admin/insights/export?csv=${csv}&period=30d`);
    expect(refused.status(), csv).toBe(403);
  }
  expect((await page.request.get("/admin/insights/export?csv=funnel&period=30d")).status()).toBe(200);

  const readerContext = await browser.newContext();
  const readerPage = await readerContext.newPage();
  await signInAs(readerPage, "reader", "insights-reader");
  const answer = await readerPage.goto("/admin/insights");
  expect(answer?.status()).toBe(403);
  expect((await readerPage.request.get("/admin/insights/export?csv=funnel")).status()).toBe(403);
  await readerContext.close();
});

test("a period the dashboard cannot show gets a sentence, not an error", async ({ page }) => {
  await signInAs(page, "admin", "insights-bad-period");
  const cases: [string, string][] = [
    ["period=custom&from=2026-12-01&to=2026-01-01", "The period starts (2026-12-01) after it ends (2026-01-01)."],
    [
      "period=custom&from=1926-01-01&to=2026-01-01",
      "A period may be at most 732 days (two years); this one is longer.",
    ],
    ["group=hour", 'Group by "day" or "week", not "hour".'],
    ["period=custom&from=yesterday&to=today", "Give both dates of a custom period as YYYY-MM-DD."],
  ];
  for (const [query, message] of cases) {
    const answer = await page.goto(`/admin/insights?${query}`);
    expect(answer?.status(), query).toBe(200);
    // (Next.js's route announcer is an empty alert of its own.)
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(message);
    const csv = await page.request.get(`/admin/insights/export?csv=funnel&${query}`);
    expect(csv.status(), query).toBe(400);
    expect(await csv.text()).toBe(message);
  }
  expect((await page.request.get("/admin/insights/export?csv=everything")).status()).toBe(400);
});
