// The reader's account against real PostgreSQL, MailDev and the Stripe
// emulator: confirmation tokens, newsletter switches, changing the address,
// the data export and deleting the account.
import { describe, expect, it } from "vitest";
import { confirmAccountDeletion, requestAccountDeletion } from "@/lib/account/account-deletion";
import { consumeAccountToken, hashToken, issueAccountToken } from "@/lib/account/account-tokens";
import { exportReaderData } from "@/lib/account/data-export";
import { confirmEmailChange, requestEmailChange } from "@/lib/account/email-change";
import { listNewsletterChoices, setNewsletter } from "@/lib/account/newsletter-choices";
import { spendUnlock } from "@/lib/access/reader-meter";
import { recordSignInRequest } from "@/lib/auth/sign-in-requests";
import { stripe } from "@/lib/billing/stripe-client";
import { syncSubscription } from "@/lib/billing/subscription-sync";
import { readInvoice } from "@/lib/billing/webhooks/record-invoice";
import { db } from "@/lib/db/prisma";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { linkIn, mailsTo } from "../fixtures/maildev";
import { createReader } from "../fixtures/readers";
import { buyMonthly } from "../fixtures/stripe";

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

describe("account tokens", () => {
  it("work once, for their purpose, and are stored only as a hash", async () => {
    const reader = await createReader();
    const issued = await issueAccountToken(reader.id, "deletion");
    if (!issued.issued) throw new Error("not issued");
    const stored = await db().accountToken.findMany({ where: { userId: reader.id } });
    expect(stored.map((row) => row.tokenHash)).toEqual([hashToken(issued.token)]);
    expect(JSON.stringify(stored)).not.toContain(issued.token);
    expect(await consumeAccountToken(issued.token, "email_change")).toBeNull();
    expect(await consumeAccountToken(issued.token, "deletion")).toMatchObject({ userId: reader.id });
    expect(await consumeAccountToken(issued.token, "deletion")).toBeNull();
  });

  it("expire after an hour", async () => {
    const reader = await createReader();
    const issued = await issueAccountToken(reader.id, "deletion", null, new Date(Date.now() - 61 * 60_000));
    if (!issued.issued) throw new Error("not issued");
    expect(await consumeAccountToken(issued.token, "deletion")).toBeNull();
  });

  it("are limited to three per purpose in fifteen minutes", async () => {
    const reader = await createReader();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => issueAccountToken(reader.id, "email_change", "x@example.org")),
    );
    expect(results.filter((result) => result.issued)).toHaveLength(3);
  });
});

describe("newsletters", () => {
  it("switch on and off at once, and the Reviews only for subscribers", async () => {
    const reader = await createReader();
    expect(await setNewsletter(reader.id, "free", true, false)).toBe("updated");
    expect(await setNewsletter(reader.id, "daily_review", true, false)).toBe("subscribers-only");
    expect(
      (await listNewsletterChoices(reader.id, false)).map((c) => [c.newsletter, c.subscribed, c.available]),
    ).toEqual([
      ["free", true, true],
      ["daily_review", false, false],
      ["weekly_review", false, false],
    ]);
    await setNewsletter(reader.id, "free", false, false);
    expect((await listNewsletterChoices(reader.id, false))[0]?.subscribed).toBe(false);
  });

  it("give a subscriber the Reviews until they switch one off", async () => {
    const reader = await createReader();
    expect((await listNewsletterChoices(reader.id, true)).map((c) => c.subscribed)).toEqual([false, true, true]);
    await setNewsletter(reader.id, "weekly_review", false, true);
    expect((await listNewsletterChoices(reader.id, true)).map((c) => c.subscribed)).toEqual([false, true, false]);
  });
});

describe("changing the email address", () => {
  it("changes nothing until the new address confirms, then tells the old one", async () => {
    const reader = await createReader();
    const newEmail = `moved-${uniqueSuffix()}@example.org`;
    expect(await requestEmailChange(reader, newEmail)).toBe("sent");
    expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).email).toBe(reader.email);

    const [confirmation] = await mailsTo(newEmail);
    expect(confirmation?.subject).toContain("Confirm your new email address");
    expect(await confirmEmailChange(tokenOf(linkIn(confirmation!)))).toEqual({ status: "changed", email: newEmail });
    expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).email).toBe(newEmail);
    expect((await mailsTo(reader.email)).map((mail) => mail.subject)).toEqual([expect.stringContaining("was changed")]);
    expect(await confirmEmailChange(tokenOf(linkIn(confirmation!)))).toEqual({ status: "invalid-link" });
  });

  it("refuses an address another account uses, and changes nothing", async () => {
    const [reader, other] = [await createReader(), await createReader()];
    await requestEmailChange(reader, other.email);
    const [confirmation] = await mailsTo(other.email);
    expect(await confirmEmailChange(tokenOf(linkIn(confirmation!)))).toEqual({ status: "address-taken" });
    expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).email).toBe(reader.email);
  });
});

/** A reader with something in every table that can hold their data. */
async function readerWithHistory() {
  const reader = await createReader();
  const article = await createArticle();
  await spendUnlock(reader, article.id);
  await setNewsletter(reader.id, "free", true, false);
  await recordSignInRequest({
    email: reader.email,
    ip: `192.0.2.${uniqueSuffix()}`,
    source: "paywall",
    newsletter: true,
  });
  await db().session.create({
    data: { sessionToken: `session-${uniqueSuffix()}`, userId: reader.id, expires: new Date(Date.now() + 86_400_000) },
  });
  await db().verificationToken.create({
    data: { identifier: reader.email, token: `hash-${uniqueSuffix()}`, expires: new Date(Date.now() + 600_000) },
  });
  const paid = await buyMonthly(reader);
  const invoice = (await stripe().invoices.list({ customer: paid.customerId })).data[0]!;
  await syncSubscription(paid.subscriptionId);
  const storeInvoice = await readInvoice(invoice.id!);
  await db().$transaction(storeInvoice);
  return { reader, article, paid, invoiceId: invoice.id! };
}

describe("the data export", () => {
  it("holds the reader's data and nobody else's", async () => {
    const { reader, article, paid, invoiceId } = await readerWithHistory();
    const other = await readerWithHistory();
    const exported = JSON.stringify(await exportReaderData(reader.id));
    for (const mine of [reader.email, reader.id, article.slug, paid.subscriptionId, paid.customerId, invoiceId]) {
      expect(exported).toContain(mine);
    }
    for (const theirs of [
      other.reader.email,
      other.reader.id,
      other.article.slug,
      other.paid.subscriptionId,
      other.invoiceId,
    ]) {
      expect(exported).not.toContain(theirs);
    }
  });
});

describe("deleting the account", () => {
  it("cancels the subscription at Stripe, erases personal data in every table and keeps anonymous invoices", async () => {
    const { reader, paid, invoiceId } = await readerWithHistory();
    expect(await requestAccountDeletion(reader)).toBe("sent");
    const [confirmation] = (await mailsTo(reader.email)).filter((mail) => mail.subject.includes("deleting"));
    expect(await confirmAccountDeletion(tokenOf(linkIn(confirmation!)))).toBe("deleted");

    expect((await stripe().subscriptions.retrieve(paid.subscriptionId)).status).toBe("canceled");

    // Table by table: no column of any table holds the address or the id.
    const columns = await db().$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type IN ('text', 'uuid', 'character varying')`;
    expect(columns.length).toBeGreaterThan(20);
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await db().$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text IN ($1, $2)`,
        reader.email,
        reader.id,
      );
      expect({ table, column, rows: rows[0]!.n }).toEqual({ table, column, rows: 0 });
    }

    expect(await db().invoice.findUnique({ where: { id: invoiceId } })).toMatchObject({ userId: null, status: "paid" });
    expect(await confirmAccountDeletion(tokenOf(linkIn(confirmation!)))).toBe("invalid-link");
  });
});
