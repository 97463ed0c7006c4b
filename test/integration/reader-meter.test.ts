// The monthly meter against real PostgreSQL, with real parallel transactions.
import { describe, expect, it } from "vitest";
import { readMeter, readMeterAndUnlocks, spendUnlock } from "@/lib/access/reader-meter";
import { createArticle } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";

const NOVEMBER = new Date("2026-11-15T12:00:00Z");

async function articles(count: number) {
  return Promise.all(Array.from({ length: count }, () => createArticle()));
}

describe("spendUnlock", () => {
  it("spends one free article per new article, up to the monthly limit", async () => {
    const reader = await createReader();
    const [a, b, c, d] = await articles(4);
    expect((await spendUnlock(reader.id, a!.id, NOVEMBER)).kind).toBe("unlocked");
    expect((await spendUnlock(reader.id, b!.id, NOVEMBER)).meter.remaining).toBe(1);
    const third = await spendUnlock(reader.id, c!.id, NOVEMBER);
    expect(third).toMatchObject({ kind: "unlocked", meter: { used: 3, remaining: 0 } });
    const fourth = await spendUnlock(reader.id, d!.id, NOVEMBER);
    expect(fourth).toEqual({
      kind: "quota-exhausted",
      meter: { used: 3, limit: 3, remaining: 0, resetsAt: new Date("2026-12-01T00:00:00Z") },
    });
  });

  it("costs nothing to open an article unlocked before, even with none left", async () => {
    const reader = await createReader();
    const [a, b, c] = await articles(3);
    for (const article of [a!, b!, c!]) await spendUnlock(reader.id, article.id, NOVEMBER);
    expect(await spendUnlock(reader.id, a!.id, NOVEMBER)).toMatchObject({
      kind: "already-unlocked",
      meter: { used: 3 },
    });
    expect(await spendUnlock(reader.id, a!.id, new Date("2027-03-01T00:00:00Z"))).toMatchObject({
      kind: "already-unlocked",
      meter: { used: 0 },
    });
  });

  it("ten parallel unlocks of ten articles with one left spend exactly one", async () => {
    const reader = await createReader();
    const [first, second] = await articles(2);
    await spendUnlock(reader.id, first!.id, NOVEMBER);
    await spendUnlock(reader.id, second!.id, NOVEMBER);
    const targets = await articles(10);
    const results = await Promise.all(targets.map((article) => spendUnlock(reader.id, article.id, NOVEMBER)));
    expect(results.filter((result) => result.kind === "unlocked")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "quota-exhausted")).toHaveLength(9);
    expect(await readMeter(reader.id, NOVEMBER)).toMatchObject({ used: 3, remaining: 0 });
  });

  it("ten parallel unlocks of one article spend at most one", async () => {
    const reader = await createReader();
    const [article] = await articles(1);
    const results = await Promise.all(Array.from({ length: 10 }, () => spendUnlock(reader.id, article!.id, NOVEMBER)));
    expect(results.filter((result) => result.kind === "unlocked")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "already-unlocked")).toHaveLength(9);
    expect(await readMeter(reader.id, NOVEMBER)).toMatchObject({ used: 1, remaining: 2 });
  });

  it("counts each unlock in exactly one month across the boundary", async () => {
    const reader = await createReader();
    const lastSecond = new Date("2026-11-30T23:59:59.999Z");
    const firstSecond = new Date("2026-12-01T00:00:00.000Z");
    const batch = await articles(6);
    // Three in the last second of November, in parallel with three in the first of December.
    const results = await Promise.all(
      batch.map((article, index) => spendUnlock(reader.id, article.id, index < 3 ? lastSecond : firstSecond)),
    );
    expect(results.every((result) => result.kind === "unlocked")).toBe(true);
    expect(await readMeter(reader.id, lastSecond)).toMatchObject({ used: 3 });
    expect(await readMeter(reader.id, firstSecond)).toMatchObject({ used: 3 });
    const extra = await createArticle();
    expect((await spendUnlock(reader.id, extra.id, firstSecond)).kind).toBe("quota-exhausted");
  });

  it("keeps readers apart", async () => {
    const [one, other] = [await createReader(), await createReader()];
    const [article] = await articles(1);
    await spendUnlock(one.id, article!.id, NOVEMBER);
    expect(await readMeter(other.id, NOVEMBER)).toMatchObject({ used: 0 });
  });
});

describe("readMeterAndUnlocks", () => {
  it("reads this month's count and which of the asked articles are unlocked, in any month", async () => {
    const reader = await createReader();
    const [october, november, asked, other] = await articles(4);
    await spendUnlock(reader.id, october!.id, new Date("2026-10-20T12:00:00Z"));
    await spendUnlock(reader.id, november!.id, NOVEMBER);
    const { meter, unlocked } = await readMeterAndUnlocks(reader.id, [october!.id, asked!.id], NOVEMBER);
    expect(meter).toEqual(await readMeter(reader.id, NOVEMBER));
    expect(meter).toMatchObject({ used: 1, remaining: 2 });
    expect([...unlocked]).toEqual([october!.id]);
    const none = await readMeterAndUnlocks(reader.id, [], NOVEMBER);
    expect(none.unlocked.size).toBe(0);
    expect(none.meter.used).toBe(1);
    expect((await readMeterAndUnlocks(reader.id, [other!.id], NOVEMBER)).unlocked.size).toBe(0);
  });

  it("answers a full quota and nothing unlocked for a reader who never unlocked", async () => {
    const reader = await createReader();
    const [article] = await articles(1);
    const { meter, unlocked } = await readMeterAndUnlocks(reader.id, [article!.id], NOVEMBER);
    expect(meter).toMatchObject({ used: 0, remaining: 3 });
    expect(unlocked.size).toBe(0);
  });
});
