// No call to an outside service inside an open database transaction
// (lib/db/transaction-scope.ts): Stripe and SMTP refuse to be called from
// one, however deep in the transaction's code the call is, so any test that
// reaches such a call fails. The same calls outside a transaction work.
import { describe, expect, it } from "vitest";
import { stripe } from "@/lib/billing/stripe-client";
import { db } from "@/lib/db/prisma";
import { OutsideCallInTransactionError } from "@/lib/db/transaction-scope";
import { openBulkSender, sendMail } from "@/lib/mail/send-mail";

const mail = { to: "outside-calls@example.org", subject: "Outside calls", text: "Hello", html: "<p>Hello</p>" };

async function deepInside<T>(call: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return call();
}

describe("outside calls in a transaction", () => {
  it("Stripe is refused inside a transaction and nothing the transaction wrote is kept", async () => {
    const email = `outside-calls-${Date.now()}@example.org`;
    await expect(
      db().$transaction(async (tx) => {
        await tx.user.create({ data: { email } });
        await deepInside(() => stripe().customers.list({ limit: 1 }));
      }),
    ).rejects.toBeInstanceOf(OutsideCallInTransactionError);
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
  });

  it("a Stripe client kept from before the transaction is refused too", async () => {
    const client = stripe();
    const refused = await db()
      .$transaction(() => client.customers.list({ limit: 1 }), { timeout: 10_000 })
      .then(
        () => null,
        (error: unknown) => error,
      );
    // The SDK reports it as a connection error, with ours as the detail.
    expect((refused as { detail?: unknown } | null)?.detail).toBeInstanceOf(OutsideCallInTransactionError);
    // Outside, the same client works.
    expect((await client.customers.list({ limit: 1 })).object).toBe("list");
  });

  it("SMTP is refused inside a transaction, for single and bulk mail", async () => {
    await expect(db().$transaction(() => deepInside(() => sendMail(mail)))).rejects.toBeInstanceOf(
      OutsideCallInTransactionError,
    );
    const sender = openBulkSender({ connections: 1 });
    try {
      await expect(db().$transaction(() => sender.send(mail))).rejects.toBeInstanceOf(OutsideCallInTransactionError);
    } finally {
      sender.close();
    }
  });

  it("after the transaction commits, the same calls go through", async () => {
    const count = await db().$transaction(async (tx) => tx.user.count());
    expect(count).toBeGreaterThanOrEqual(0);
    await expect(sendMail(mail)).resolves.toBeUndefined();
    expect((await stripe().customers.list({ limit: 1 })).object).toBe("list");
  });
});
