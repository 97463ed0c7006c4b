// The monthly meter against real PostgreSQL, with real parallel transactions.
import { describe, expect, it } from "vitest";
import { meterKey } from "@/lib/access/meter-key";
import { meterPeriod } from "@/lib/access/meter-period";
import { readMeter, readMeterAndUnlocks, spendUnlock } from "@/lib/access/reader-meter";
import { db } from "@/lib/db/prisma";
import { createArticle } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";

const NOVEMBER = new Date("2026-11-15T12:00:00Z");

async function articles(count: number) {
  return Promise.all(Array.from({ length: count }, () => createArticle()));
}

describe("spendUnlock", () => {
  it("spends nothing for an account deleted while the request ran", async () => {
    const reader = await createReader();
    const [article] = await articles(1);
    await db().user.delete({ where: { id: reader.id } });
    expect(await spendUnlock(reader, article!.id, NOVEMBER)).toEqual({ kind: "no-account" });
    expect(await db().articleUnlock.count({ where: { userId: reader.id } })).toBe(0);
  });

  it("spends one free article per new article, up to the monthly limit", async () => {
    const reader = await createReader();
    const [a, b, c, d] = await articles(4);
    expect((await spendUnlock(reader, a!.id, NOVEMBER)).kind).toBe("unlocked");
    expect(await spendUnlock(reader, b!.id, NOVEMBER)).toMatchObject({ meter: { remaining: 1 } });
    const third = await spendUnlock(reader, c!.id, NOVEMBER);
    expect(third).toMatchObject({ kind: "unlocked", meter: { used: 3, remaining: 0 } });
    const fourth = await spendUnlock(reader, d!.id, NOVEMBER);
    expect(fourth).toEqual({
      kind: "quota-exhausted",
      meter: { used: 3, limit: 3, remaining: 0, resetsAt: new Date("2026-12-01T00:00:00Z") },
    });
  });

  it("costs nothing to open an article unlocked before, even with none left", async () => {
    const reader = await createReader();
    const [a, b, c] = await articles(3);
    for (const article of [a!, b!, c!]) await spendUnlock(reader, article.id, NOVEMBER);
    expect(await spendUnlock(reader, a!.id, NOVEMBER)).toMatchObject({
      kind: "already-unlocked",
      meter: { used: 3 },
    });
    expect(await spendUnlock(reader, a!.id, new Date("2027-03-01T00:00:00Z"))).toMatchObject({
      kind: "already-unlocked",
      meter: { used: 0 },
    });
  });

  it("ten parallel unlocks of ten articles with one left spend exactly one", async () => {
    const reader = await createReader();
    const [first, second] = await articles(2);
    await spendUnlock(reader, first!.id, NOVEMBER);
    await spendUnlock(reader, second!.id, NOVEMBER);
    const targets = await articles(10);
    const results = await Promise.all(targets.map((article) => spendUnlock(reader, article.id, NOVEMBER)));
    expect(results.filter((result) => result.kind === "unlocked")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "quota-exhausted")).toHaveLength(9);
    expect(await readMeter(reader, NOVEMBER)).toMatchObject({ used: 3, remaining: 0 });
  });

  it("ten parallel unlocks of one article spend at most one", async () => {
    const reader = await createReader();
    const [article] = await articles(1);
    const results = await Promise.all(Array.from({ length: 10 }, () => spendUnlock(reader, article!.id, NOVEMBER)));
    expect(results.filter((result) => result.kind === "unlocked")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "already-unlocked")).toHaveLength(9);
    expect(await readMeter(reader, NOVEMBER)).toMatchObject({ used: 1, remaining: 2 });
  });

  it("counts each unlock in exactly one month across the boundary", async () => {
    const reader = await createReader();
    const lastSecond = new Date("2026-11-30T23:59:59.999Z");
    const firstSecond = new Date("2026-12-01T00:00:00.000Z");
    const batch = await articles(6);
    // Three in the last second of November, in parallel with three in the first of December.
    const results = await Promise.all(
      batch.map((article, index) => spendUnlock(reader, article.id, index < 3 ? lastSecond : firstSecond)),
    );
    expect(results.every((result) => result.kind === "unlocked")).toBe(true);
    expect(await readMeter(reader, lastSecond)).toMatchObject({ used: 3 });
    expect(await readMeter(reader, firstSecond)).toMatchObject({ used: 3 });
    const extra = await createArticle();
    expect((await spendUnlock(reader, extra.id, firstSecond)).kind).toBe("quota-exhausted");
  });

  it("keeps readers apart", async () => {
    const [one, other] = [await createReader(), await createReader()];
    const [article] = await articles(1);
    await spendUnlock(one, article!.id, NOVEMBER);
    expect(await readMeter(other, NOVEMBER)).toMatchObject({ used: 0 });
  });
});

describe("readMeterAndUnlocks", () => {
  it("reads this month's count and which of the asked articles are unlocked, in any month", async () => {
    const reader = await createReader();
    const [october, november, asked, other] = await articles(4);
    await spendUnlock(reader, october!.id, new Date("2026-10-20T12:00:00Z"));
    await spendUnlock(reader, november!.id, NOVEMBER);
    const { meter, unlocked } = await readMeterAndUnlocks(reader, [october!.id, asked!.id], NOVEMBER);
    expect(meter).toEqual(await readMeter(reader, NOVEMBER));
    expect(meter).toMatchObject({ used: 1, remaining: 2 });
    expect([...unlocked]).toEqual([october!.id]);
    const none = await readMeterAndUnlocks(reader, [], NOVEMBER);
    expect(none.unlocked.size).toBe(0);
    expect(none.meter.used).toBe(1);
    expect((await readMeterAndUnlocks(reader, [other!.id], NOVEMBER)).unlocked.size).toBe(0);
  });

  it("answers a full quota and nothing unlocked for a reader who never unlocked", async () => {
    const reader = await createReader();
    const [article] = await articles(1);
    const { meter, unlocked } = await readMeterAndUnlocks(reader, [article!.id], NOVEMBER);
    expect(meter).toMatchObject({ used: 0, remaining: 3 });
    expect(unlocked.size).toBe(0);
  });

  it("reads a registration gift as unlocked, outside the month's count", async () => {
    const reader = await createReader();
    const [gift, asked] = await articles(2);
    const period = meterPeriod(NOVEMBER, "UTC").period;
    await db().articleUnlock.create({
      data: { userId: reader.id, articleId: gift!.id, period, kind: "registration_gift" },
    });
    const { meter, unlocked } = await readMeterAndUnlocks(reader, [gift!.id, asked!.id], NOVEMBER);
    expect(meter).toMatchObject({ used: 0, remaining: 3 });
    expect([...unlocked]).toEqual([gift!.id]);
  });
});

describe("a deleted account's count", () => {
  // A month still to come: an account deleted meanwhile (account tests run in
  // parallel) purges the kept counts of every month before the current one.
  const LATER = new Date("2099-11-15T12:00:00Z");

  it("counts against the same address this month only, however the address is written", async () => {
    const reader = await createReader();
    const period = meterPeriod(LATER, "UTC").period;
    await db().departedMeter.create({ data: { emailKey: meterKey(reader.email.toUpperCase()), period, used: 2 } });
    expect(await readMeter(reader, LATER)).toMatchObject({ used: 2, remaining: 1 });
    const [first, second] = await articles(2);
    expect((await spendUnlock(reader, first!.id, LATER)).kind).toBe("unlocked");
    expect((await spendUnlock(reader, second!.id, LATER)).kind).toBe("quota-exhausted");
    expect(await readMeter(reader, new Date("2099-12-01T00:00:00Z"))).toMatchObject({ used: 0, remaining: 3 });
    expect(await readMeter(await createReader(), LATER)).toMatchObject({ used: 0 });
  });
});
