// A deleted account's free articles, against real PostgreSQL: deleting the
// account and signing up again in the same month gives none back; the count
// is kept only until the month ends, and the purge removes past months only.
//
// Everything here runs at the real current month: a deletion purges every
// row of a month before its own, so a test that deleted "in" a later month
// would purge the rows other test files (run in parallel) are reading.
import { describe, expect, it } from "vitest";
import { confirmAccountDeletion } from "@/lib/account/account-deletion";
import { issueAccountToken } from "@/lib/account/account-tokens";
import { exportReaderData } from "@/lib/account/data-export";
import { purgeDepartedMeters } from "@/lib/access/departed-meters";
import { meterKey } from "@/lib/access/meter-key";
import { meterPeriod } from "@/lib/access/meter-period";
import { readMeter, spendUnlock } from "@/lib/access/reader-meter";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { startWorkers } from "@/lib/workers/start-workers";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";

const TIME_ZONE = env().PUBLICATION_TIMEZONE;

async function deleteAccount(userId: string): Promise<void> {
  const issued = await issueAccountToken(userId, "deletion");
  if (!issued.issued) throw new Error("no deletion token");
  expect(await confirmAccountDeletion(issued.token)).toBe("deleted");
}

/** A reader who spent `count` free articles this month. */
async function readerWhoUnlocked(count: number, email?: string) {
  const reader = email ? await db().user.create({ data: { email } }) : await createReader();
  for (let index = 0; index < count; index += 1) {
    const article = await createArticle();
    expect((await spendUnlock(reader, article.id)).kind).toBe("unlocked");
  }
  return reader;
}

describe("deleting an account keeps the month's count", () => {
  it("gives no free articles back to the same address signing up again this month; next month, three", async () => {
    const reader = await readerWhoUnlocked(2);
    await deleteAccount(reader.id);
    expect(await db().user.findUnique({ where: { id: reader.id } })).toBeNull();

    // Signing up again: a new account under the same address, written differently.
    const again = await db().user.create({ data: { email: reader.email.toUpperCase() } });
    expect(again.id).not.toBe(reader.id);
    expect(await readMeter(again)).toMatchObject({ used: 2, remaining: 1 });
    const { period, resetsAt } = meterPeriod(new Date(), TIME_ZONE);
    expect((await exportReaderData(again.id)).freeArticlesUsedByADeletedAccount).toEqual([{ month: period, used: 2 }]);
    const [first, second] = [await createArticle(), await createArticle()];
    expect(await spendUnlock(again, first.id)).toMatchObject({ kind: "unlocked", meter: { used: 3, remaining: 0 } });
    expect((await spendUnlock(again, second.id)).kind).toBe("quota-exhausted");

    expect(await readMeter(again, resetsAt)).toMatchObject({ used: 0, remaining: 3 });
    // Another address is not touched.
    expect(await readMeter(await createReader())).toMatchObject({ used: 0, remaining: 3 });
  });

  it("keeps only the count, under a keyed hash of the address", async () => {
    const reader = await readerWhoUnlocked(1);
    await deleteAccount(reader.id);
    const { period } = meterPeriod(new Date(), TIME_ZONE);
    const rows = await db().departedMeter.findMany({ where: { emailKey: meterKey(reader.email) } });
    expect(rows).toEqual([{ emailKey: meterKey(reader.email), period, used: 1 }]);
    expect(rows[0]!.emailKey).not.toContain(reader.email.split("@")[0]);
  });

  it("adds up when the same address deletes an account twice in a month", async () => {
    const first = await readerWhoUnlocked(1);
    await deleteAccount(first.id);
    const second = await readerWhoUnlocked(1, first.email);
    expect(await readMeter(second)).toMatchObject({ used: 2, remaining: 1 });
    await deleteAccount(second.id);

    const third = await db().user.create({ data: { email: first.email } });
    expect(await readMeter(third)).toMatchObject({ used: 2, remaining: 1 });
    const { period } = meterPeriod(new Date(), TIME_ZONE);
    expect(
      await db().departedMeter.findUnique({ where: { emailKey_period: { emailKey: meterKey(first.email), period } } }),
    ).toMatchObject({ used: 2 });
  });

  it("keeps no row for a reader who used no free article this month", async () => {
    const reader = await readerWhoUnlocked(0);
    await deleteAccount(reader.id);
    expect(await db().departedMeter.count({ where: { emailKey: meterKey(reader.email) } })).toBe(0);
  });
});

describe("purgeDepartedMeters", () => {
  it("removes the counts of past months only", async () => {
    const now = new Date();
    const { period, resetsAt } = meterPeriod(now, TIME_ZONE);
    const nextPeriod = meterPeriod(resetsAt, TIME_ZONE).period;
    const [year, month] = period.split("-").map(Number) as [number, number];
    const lastPeriod = meterPeriod(new Date(Date.UTC(year, month - 2, 15)), TIME_ZONE).period;
    const lastYear = `${year - 1}-${String(month).padStart(2, "0")}`;
    const key = `purge-test-${uniqueSuffix()}`;
    await db().departedMeter.createMany({
      data: [lastYear, lastPeriod, period, nextPeriod].map((p) => ({ emailKey: key, period: p, used: 1 })),
    });

    expect(await purgeDepartedMeters(db(), now)).toBeGreaterThanOrEqual(2);
    const left = await db().departedMeter.findMany({ where: { emailKey: key }, orderBy: { period: "asc" } });
    expect(left.map((row) => row.period)).toEqual([period, nextPeriod]);
  });

  it("also runs at each deletion", async () => {
    const { period } = meterPeriod(new Date(), TIME_ZONE);
    const [year] = period.split("-").map(Number) as [number];
    const key = `purge-test-${uniqueSuffix()}`;
    await db().departedMeter.create({ data: { emailKey: key, period: `${year - 1}-06`, used: 3 } });
    await deleteAccount((await createReader()).id);
    expect(await db().departedMeter.count({ where: { emailKey: key } })).toBe(0);
  });
});

describe("the job runner", () => {
  it("purges past months at start-up and schedules the purge hourly", async () => {
    const { period } = meterPeriod(new Date(), TIME_ZONE);
    const [year] = period.split("-").map(Number) as [number];
    const key = `purge-test-${uniqueSuffix()}`;
    await db().departedMeter.create({ data: { emailKey: key, period: `${year - 1}-06`, used: 3 } });
    const runner = await startWorkers(() => {});
    try {
      const schedules = await db().$queryRaw<{ cron: string }[]>`
        SELECT cron FROM pgboss.schedule WHERE name = 'departed-meters-purge'`;
      expect(schedules).toEqual([{ cron: "7 * * * *" }]);
      const deadline = Date.now() + 20_000;
      while ((await db().departedMeter.count({ where: { emailKey: key } })) > 0) {
        if (Date.now() > deadline) throw new Error("the start-up purge did not run");
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await runner.stop();
    }
  });
});
