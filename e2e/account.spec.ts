// The account page as a reader uses it, and its routes as an attacker would
// try them.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { raceArticles } from "./fixtures";
import { waitForMails } from "./maildev";
import { inWords, nextMeterReset } from "./meter-reset";
import { origin, unlock } from "./reader-api";
import { startSession } from "./sessions";
import { signIn, uniqueEmail } from "./sign-in";

const linkIn = (text: string) => text.match(/https?:\/\/\S+/)![0];

test(
  "a reader manages their account: newsletters, free articles, email, export, deletion",
  { tag: "@smoke" },
  async ({ page }, testInfo) => {
    const reader = await startSession(page.context(), uniqueEmail(testInfo, "account"));
    const article = raceArticles[0]!;
    expect((await unlock(page.request, article.slug)).status()).toBe(200);

    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: reader.email })).toBeVisible();
    await expect(page.getByText("Free tier.")).toBeVisible();
    await expect(
      page.getByText(
        `You have used 1 of your 3 free articles this month; 2 left. They come back on ${inWords(nextMeterReset())}.`,
      ),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: article.title })).toBeVisible();

    // A newsletter, off and on again.
    const newsletters = page.getByRole("region", { name: "Newsletters" });
    await newsletters.getByRole("button", { name: "Turn on The free newsletter (weekly)" }).click();
    await expect(page.getByRole("status")).toHaveText("Your newsletter choice is saved.");
    await expect(newsletters.getByText("The free newsletter (weekly): on")).toBeVisible();
    await newsletters.getByRole("button", { name: "Turn off The free newsletter (weekly)" }).click();
    await expect(newsletters.getByText("The free newsletter (weekly): off")).toBeVisible();
    await expect(newsletters.getByRole("button", { name: /Daily Review/ })).toHaveCount(0);

    // A new address, confirmed from its own inbox; the old one is told.
    const newEmail = uniqueEmail(testInfo, "moved");
    await page.getByLabel("New email address").fill(newEmail);
    await page.getByRole("button", { name: "Change address" }).click();
    await expect(page.getByRole("status")).toContainText("Nothing changes until you open it");
    await expect(page.getByRole("heading", { level: 1, name: reader.email })).toBeVisible();
    const [confirmation] = await waitForMails(newEmail, 1);
    await page.goto(linkIn(confirmation!.text));
    await page.getByRole("button", { name: "Use this address" }).click();
    await expect(page.getByRole("heading", { level: 1, name: newEmail })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("We told your old address");
    const [notice] = await waitForMails(reader.email, 1);
    expect(notice!.subject).toContain("was changed");

    // The export, as a download.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download everything we hold about you (JSON)" }).click(),
    ]);
    const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(exported.profile).toMatchObject({ id: reader.id, email: newEmail });
    expect(exported.unlockedArticles).toEqual([expect.objectContaining({ slug: article.slug })]);

    // Deletion, confirmed by email.
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("status")).toContainText("Nothing is deleted before you open it");
    const mails = await waitForMails(newEmail, 2);
    const deletion = mails.find((mail) => mail.subject.includes("deleting"))!;
    await page.goto(linkIn(deletion.text));
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();
    expect(await sql("SELECT id FROM users WHERE id = $1", [reader.id])).toEqual([]);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)account$/);
  },
);

test("deleting the account and signing up again this month gives no new free articles", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "returning");
  await startSession(page.context(), email);
  const [unlocked, signUpFrom, next] = [raceArticles[1]!, raceArticles[2]!, raceArticles[3]!];
  expect((await unlock(page.request, unlocked.slug)).status()).toBe(200);

  // Deleted through the account page and the emailed confirmation.
  await page.goto("/account");
  await page.getByRole("button", { name: "Delete my account" }).click();
  const [deletion] = await waitForMails(email, 1);
  await page.goto(linkIn(deletion!.text));
  await expect(page.getByText("Until the end of this month we keep how many free articles you used")).toBeVisible();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();
  await page.context().clearCookies();

  // Signed up again with the same address, as a new reader does.
  await signIn(page, email, { from: signUpFrom.slug });
  await page.goto(`/articles/${next.slug}`);
  const panel = page.getByRole("complementary", { name: "Continue reading" });
  await expect(panel).toContainText("You have 2 free articles left.");
  await page.goto("/account");
  await expect(
    page.getByText("You have used 1 of your 3 free articles this month; 2 left.", { exact: false }),
  ).toBeVisible();
});

test.describe("account routes refuse what they must", () => {
  test("signed out: 401 and nothing changes", async ({ request }) => {
    const response = await request.post("/api/account/newsletters", {
      headers: { Origin: origin() },
      data: { newsletter: "free", subscribed: true },
    });
    expect(response.status()).toBe(401);
    expect((await request.get("/api/account/export")).status()).toBe(401);
    expect((await request.post("/api/account/delete", { headers: { Origin: origin() } })).status()).toBe(401);
  });

  test("cross-site: 403 and nothing changes", async ({ page }, testInfo) => {
    const reader = await startSession(page.context(), uniqueEmail(testInfo, "csrf"));
    const attempts: Record<string, string>[] = [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const headers of attempts) {
      const response = await page.request.post("/api/account/newsletters", {
        headers,
        data: { newsletter: "free", subscribed: true },
      });
      expect(response.status()).toBe(403);
      expect((await page.request.post("/api/account/delete", { headers })).status()).toBe(403);
    }
    expect(await sql("SELECT * FROM newsletter_subscriptions WHERE user_id = $1", [reader.id])).toEqual([]);
    expect(await sql("SELECT * FROM account_tokens WHERE user_id = $1", [reader.id])).toEqual([]);
  });

  test("malformed input: 400 with a message, and nothing changes", async ({ page }, testInfo) => {
    const reader = await startSession(page.context(), uniqueEmail(testInfo, "malformed"));
    const headers = { Origin: origin() };
    for (const data of [
      { newsletter: "nope", subscribed: true },
      { newsletter: "free", subscribed: "maybe" },
      { newsletter: ["free"], subscribed: true },
      {},
    ]) {
      const response = await page.request.post("/api/account/newsletters", { headers, data });
      expect(response.status()).toBe(400);
      expect((await response.json()).message).toMatch(/newsletter/);
    }
    const notJson = await page.request.post("/api/account/newsletters", {
      headers: { ...headers, "Content-Type": "application/json" },
      data: "{not json",
    });
    expect(notJson.status()).toBe(400);
    const huge = await page.request.post("/api/account/email", {
      headers,
      data: { email: `${"a".repeat(20_000)}@example.org` },
    });
    expect(huge.status()).toBe(400);
    for (const email of ["not-an-address", '"victim@example.org"@evil.example', reader.email]) {
      expect((await page.request.post("/api/account/email", { headers, data: { email } })).status()).toBe(400);
    }
    expect(await sql("SELECT * FROM newsletter_subscriptions WHERE user_id = $1", [reader.id])).toEqual([]);
    expect(await sql("SELECT * FROM account_tokens WHERE user_id = $1", [reader.id])).toEqual([]);
  });

  test("another reader's id is ignored: a reader only ever changes their own data", async ({
    page,
    browser,
  }, testInfo) => {
    const reader = await startSession(page.context(), uniqueEmail(testInfo, "me"));
    const otherContext = await browser.newContext();
    const other = await startSession(otherContext, uniqueEmail(testInfo, "other"));
    await otherContext.close();
    const response = await page.request.post("/api/account/newsletters", {
      headers: { Origin: origin() },
      data: { newsletter: "free", subscribed: true, userId: other.id, user_id: other.id },
    });
    expect(response.status()).toBe(200);
    expect(
      await sql("SELECT user_id FROM newsletter_subscriptions WHERE user_id IN ($1, $2)", [reader.id, other.id]),
    ).toEqual([{ user_id: reader.id }]);
    const exported = await (await page.request.get(`/api/account/export?userId=${other.id}`)).json();
    expect(exported.profile.id).toBe(reader.id);
    expect(JSON.stringify(exported)).not.toContain(other.email);
  });

  test("the Reviews are for subscribers: 403 for a free reader", async ({ page }, testInfo) => {
    await startSession(page.context(), uniqueEmail(testInfo, "free"));
    const response = await page.request.post("/api/account/newsletters", {
      headers: { Origin: origin() },
      data: { newsletter: "daily_review", subscribed: true },
    });
    expect(response.status()).toBe(403);
  });
});
