// Signing a reader in the way a reader does: the email form on an article's
// paywall panel, the mail in MailDev, the emailed link, the "Sign in" button.
//
// All test browsers share one IP address, so the run's server raises the
// per-IP limit (playwright.config.ts) and no test depends on how many links
// others asked for. Still, only tests about sign-in itself ask for links;
// tests that merely need a signed-in reader use startSession() from
// sessions.ts, which sends no mail.
import { randomUUID } from "node:crypto";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { mailsTo, waitForMails, type Mail } from "./maildev";

/** The link of a sign-in email, and the parts of its query. */
export type SignInLink = { url: string; token: string; email: string; callbackUrl: string };

/** An address no other test uses, so limits and meters are this test's own. */
export function uniqueEmail(testInfo: TestInfo, label = "reader"): string {
  return `${label}-${testInfo.workerIndex}-${Date.now()}-${randomUUID().slice(0, 8)}@example.org`;
}

export function linkIn(mail: Mail): SignInLink {
  const url = mail.text.match(/https?:\/\/\S+\/signin\/confirm\?\S+/)?.[0];
  if (!url) throw new Error(`no sign-in link in the mail "${mail.subject}":\n${mail.text}`);
  const query = new URL(url).searchParams;
  return {
    url,
    token: query.get("token") ?? "",
    email: query.get("email") ?? "",
    callbackUrl: query.get("callbackUrl") ?? "",
  };
}

/**
 * Sign-in emails only: a first sign-in also brings a welcome email a few
 * seconds later, which must not count as the next link.
 */
export const isSignInMail = (mail: Mail) => /\/signin\/confirm\?/.test(mail.text);

/**
 * The link in the newest sign-in mail to `email`, once at least `count` of
 * them have arrived (pass the number seen before a request to get the new one).
 */
export async function latestLinkFor(email: string, { count = 1 }: { count?: number } = {}): Promise<SignInLink> {
  const mails = await waitForMails(email, count, isSignInMail);
  return linkIn(mails.at(-1)!);
}

/** The confirmation at the cut of an article read through instant access. */
export const giftPanel = (page: Page) =>
  page.getByRole("complementary", { name: "Keep reading: this article is yours" });

/**
 * Asks for a link on the paywall panel of the article `from`. Ends on the
 * article read through instant access, with the code field at the cut, when
 * the address had no registration gift yet ("instant"); on "Check your
 * email" otherwise.
 */
export async function requestLink(
  page: Page,
  email: string,
  { from }: { from: string },
): Promise<"instant" | "check-email"> {
  await page.goto(`/articles/${from}`);
  const panel = page.getByRole("complementary", { name: "Continue reading" });
  await panel.getByLabel("Email address").fill(email);
  await panel.getByRole("button", { name: "Keep reading" }).click();
  const checkEmail = page.getByRole("heading", { level: 1, name: "Check your email" });
  await expect(giftPanel(page).or(checkEmail)).toBeVisible();
  return (await checkEmail.isVisible()) ? "check-email" : "instant";
}

/** The 6-digit code of the newest sign-in mail to `email` (as latestLinkFor). */
export async function latestCodeFor(email: string, { count = 1 }: { count?: number } = {}): Promise<string> {
  const mails = await waitForMails(email, count, isSignInMail);
  const code = mails.at(-1)!.text.match(/Your code for .+: (\d{6})/)?.[1];
  if (!code) throw new Error(`no code in the mail "${mails.at(-1)!.subject}"`);
  return code;
}

/** Opens the emailed link and presses "Sign in"; returns where that led. */
export async function confirmLink(page: Page, link: SignInLink): Promise<URL> {
  await page.goto(link.url);
  await expect(page.getByRole("heading", { level: 1, name: `Sign in as ${link.email}` })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // The button posts to /api/signin/confirm, which answers with a redirect.
  await page.waitForURL((url) => url.pathname !== "/signin/confirm" && url.pathname !== "/api/signin/confirm");
  return new URL(page.url());
}

/**
 * Signs `email` in from the article `from`, as a reader does, and checks that
 * the reader is back on that article, signed in. Returns the link used.
 */
export async function signIn(page: Page, email: string, { from }: { from: string }): Promise<SignInLink> {
  const before = (await mailsTo(email, isSignInMail)).length;
  await requestLink(page, email, { from });
  const link = await latestLinkFor(email, { count: before + 1 });
  const landedOn = await confirmLink(page, link);
  expect(landedOn.pathname).toBe(`/articles/${from}`);
  expect(landedOn.hash).toBe("#continue");
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  return link;
}
