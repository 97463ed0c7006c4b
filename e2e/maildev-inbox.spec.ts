// The inbox a developer is told to open (README, npm start's log): MailDev's
// web page, in a browser, lists the mail sent. A client that does not ask
// for HTML (curl without Accept) gets MailDev's JSON 404 instead; the docs
// say so (docs/running.md).
import { expect, test } from "@playwright/test";
import { waitForMails } from "./maildev";
import { requestLink, uniqueEmail } from "./sign-in";

test("MailDev's inbox opens in a browser and shows the sign-in email", async ({ page, browser }, testInfo) => {
  const email = uniqueEmail(testInfo, "inbox");
  await requestLink(page, email, { from: "e2e-gated-tanker-ceiling" });
  await waitForMails(email, 1);
  const inbox = await browser.newPage();
  try {
    await inbox.goto(process.env.MAILDEV_URL!);
    await expect(inbox).toHaveTitle(/MailDev/);
    await expect(inbox.getByText(email).first()).toBeVisible();
  } finally {
    await inbox.close();
  }
});
