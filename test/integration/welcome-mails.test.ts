// The welcome to a newly registered reader: what the free account gives, and
// the free newsletter with a working unsubscribe link, only for a reader who
// chose it. Sent through the job's own path (a welcome_mails row, then the
// job's work) to the run's MailDev.
import { describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { registrationWelcomeKey } from "@/lib/mail/queue-welcome-mail";
import { readUnsubscribeToken } from "@/lib/newsletters/unsubscribe-token";
import { registrationWelcome } from "@/lib/welcome/registration-welcome";
import { sendWelcomeMail } from "@/lib/welcome/send-welcome-mail";
import { mailsTo } from "../fixtures/maildev";
import { createReader } from "../fixtures/readers";

describe("the welcome to a newly registered reader", () => {
  it("explains the free articles and gives the free newsletter's unsubscribe link to a reader who chose it", async () => {
    const reader = await createReader();
    await db().newsletterSubscription.create({ data: { userId: reader.id, newsletter: "free", subscribed: true } });
    const mail = await registrationWelcome(reader.id);
    const name = env().PUBLICATION_NAME;
    expect(mail?.subject).toBe(`Welcome to ${name}`);
    expect(mail?.text).not.toMatch(/\bThe The\b/);
    expect(mail?.text).toContain(`${env().FREE_ARTICLES_PER_MONTH} articles of your choice in full, for free`);
    const token = mail?.text.match(/\/unsubscribe\/(\S+)/)?.[1];
    expect(token).toBeTruthy();
    expect(readUnsubscribeToken(token!)).toMatchObject({ userId: reader.id, newsletter: "free" });
  });

  it("does not promise the newsletter to a reader who declined it, or never chose it", async () => {
    const declined = await createReader();
    await db().newsletterSubscription.create({ data: { userId: declined.id, newsletter: "free", subscribed: false } });
    const never = await createReader();
    for (const reader of [declined, never]) {
      const mail = await registrationWelcome(reader.id);
      expect(mail?.text).toContain("articles of your choice");
      expect(mail?.text).not.toContain("free newsletter");
      expect(mail?.text).not.toContain("/unsubscribe/");
    }
  });

  it("is sent once, however often its job runs", async () => {
    const reader = await createReader();
    const key = registrationWelcomeKey(reader.id);
    await db().welcomeMail.create({ data: { key, userId: reader.id, kind: "registration" } });
    const job = { key, kind: "registration" as const, userId: reader.id };
    expect(await sendWelcomeMail(job)).toBe("sent");
    expect(await sendWelcomeMail(job)).toBe("already-sent");
    await expect.poll(async () => (await mailsTo(reader.email)).length).toBe(1);
    expect((await mailsTo(reader.email))[0]!.subject).toBe(`Welcome to ${env().PUBLICATION_NAME}`);
  });
});
