// `npm run screenshots`: takes the README's four pictures from a running
// `npm start` (http://localhost:3000, MailDev at http://localhost:1080, the
// local Stripe emulator) in Debian's Chromium, as a person would get there:
// an anonymous reader on a gated article, and reading its rest at once after
// giving an address; a reader who signed in by the
// emailed link and subscribed with the test card, on /account; an editor in
// the article editor. Writes docs/screenshots/*.png.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const site = process.env.SITE_URL ?? "http://localhost:3000";
const maildev = process.env.MAILDEV_URL ?? "http://localhost:1080";
const out = path.join(root, "docs", "screenshots");
const stamp = Date.now().toString(36);

type Mail = { text: string; to: { address: string }[] };

async function signInLink(email: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const mails = (await (await fetch(`${maildev}/api/email`)).json()) as Mail[];
    const mail = mails.findLast((candidate) => candidate.to.some((to) => to.address === email));
    const link = mail?.text.match(/https?:\/\/\S+\/signin\/confirm\?\S+/)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no sign-in mail to ${email} arrived in MailDev (${maildev})`);
}

/** A gated article: the first on the front page whose page shows the paywall panel. */
async function gatedArticle(page: Page): Promise<string> {
  await page.goto(site);
  const hrefs = await page
    .locator('main a[href^="/articles/"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute("href")!));
  for (const href of hrefs) {
    await page.goto(`${site}${href}`);
    if (await page.getByRole("complementary", { name: "Continue reading" }).count()) return href;
  }
  throw new Error("no gated article on the front page");
}

const giftPanel = (page: Page) => page.getByRole("complementary", { name: "Keep reading: this article is yours" });

async function signIn(page: Page, email: string, from: string): Promise<void> {
  await page.goto(`${site}${from}`);
  const panel = page.getByRole("complementary", { name: "Continue reading" });
  await panel.getByLabel("Email address").fill(email);
  await panel.getByRole("button", { name: "Keep reading" }).click();
  // The article at once (the address's registration gift), or "Check your email".
  await giftPanel(page)
    .or(page.getByRole("heading", { level: 1, name: "Check your email" }))
    .waitFor();
  await page.goto(await signInLink(email));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("link", { name: "Account", exact: true }).waitFor();
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const viewport = { width: 1280, height: 900 };
  try {
    // Tall enough for the headline, the preview and the panel under it.
    const anonymous = await browser.newPage({ viewport: { width: 1280, height: 2150 } });
    const article = await gatedArticle(anonymous);
    await anonymous.screenshot({ path: path.join(out, "article-preview.png") });

    // Instant access: the address, and the rest of the article at the cut.
    const newcomer = await browser.newPage({ viewport });
    await newcomer.goto(`${site}${article}`);
    const panel = newcomer.getByRole("complementary", { name: "Continue reading" });
    await panel.getByLabel("Email address").fill(`newcomer-${stamp}@example.org`);
    await panel.getByRole("button", { name: "Keep reading" }).click();
    await giftPanel(newcomer).waitFor();
    await newcomer.screenshot({ path: path.join(out, "instant-access.png") });

    const reader = await browser.newPage({ viewport });
    await signIn(reader, `reader-${stamp}@example.org`, article);
    await reader.goto(`${site}/subscribe`);
    await reader.getByRole("button", { name: "Subscribe monthly" }).click();
    await reader.locator("#cardNumber").fill("4242 4242 4242 4242");
    await reader.locator("#cardExpiry").fill("12 / 34");
    await reader.locator("#cardCvc").fill("123");
    await reader.getByRole("button", { name: "Subscribe", exact: true }).click();
    // Back from Checkout: the success page shows state until the webhook lands, then moves on by itself.
    await reader.waitForURL((url) => url.origin === new URL(site).origin && !url.pathname.startsWith("/subscribe"), {
      timeout: 30_000,
    });
    await reader.goto(`${site}/account`);
    await reader.screenshot({ path: path.join(out, "account.png") });

    const editorEmail = `editor-${stamp}@example.org`;
    const added = spawnSync("npm", ["run", "--silent", "admin:add", "--", editorEmail], {
      cwd: root,
      stdio: "inherit",
    });
    if (added.status !== 0) throw new Error("npm run admin:add failed");
    const editor = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(editor, editorEmail, article);
    await editor.goto(`${site}/admin/articles?status=published`);
    const edit = await editor.locator('main tr a[href^="/admin/articles/"]').first().getAttribute("href");
    await editor.goto(`${site}${edit}`);
    // The editor is headed by the article's headline.
    await editor.getByRole("textbox", { name: "Headline" }).waitFor();
    await editor.screenshot({ path: path.join(out, "newsroom-editor.png") });
  } finally {
    await browser.close();
  }
  console.log(`screenshots written to ${path.relative(root, out)}/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
