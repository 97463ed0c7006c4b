// "Read this article" by slug (lib/access/unlock-article.ts) against real
// PostgreSQL: what each kind of reader and article answers, and parallel
// requests by one reader, each on a connection of its own, spending exactly
// what is left.
import { describe, expect, it } from "vitest";
import { readMeter } from "@/lib/access/reader-meter";
import { unlockArticleBySlug } from "@/lib/access/unlock-article";
import type { Reader } from "@/lib/auth/get-reader";
import { db } from "@/lib/db/prisma";
import { createArticle } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";

const NOVEMBER = new Date("2026-11-15T12:00:00Z");
const LAST_MONTH = new Date("2026-10-15T12:00:00Z");

async function reader(): Promise<Reader> {
  const user = await createReader();
  return { id: user.id, email: user.email, role: "reader", compUntil: null };
}

const published = (count: number) =>
  Promise.all(Array.from({ length: count }, () => createArticle({ publishedAt: LAST_MONTH })));
const unlocksOf = (who: Reader) => db().articleUnlock.count({ where: { userId: who.id } });

describe("unlockArticleBySlug", () => {
  it("spends on a gated article once; a repeat costs nothing", async () => {
    const who = await reader();
    const [article] = await published(1);
    expect(await unlockArticleBySlug(who, article!.slug, NOVEMBER)).toMatchObject({
      kind: "unlocked",
      meter: { used: 1, remaining: 2, resetsAt: new Date("2026-12-01T00:00:00Z") },
    });
    expect(await unlockArticleBySlug(who, article!.slug, NOVEMBER)).toMatchObject({
      kind: "already-unlocked",
      meter: { used: 1, remaining: 2 },
    });
    expect(await unlocksOf(who)).toBe(1);
  });

  it("spends nothing on a free article, for a subscriber or for a comp reader", async () => {
    const who = await reader();
    const free = await createArticle({ free: true, publishedAt: LAST_MONTH });
    expect(await unlockArticleBySlug(who, free.slug, NOVEMBER)).toMatchObject({ kind: "free-article" });

    const subscriber = await reader();
    await db().subscription.create({
      data: {
        id: `sub_unlock_${subscriber.id.slice(0, 8)}`,
        userId: subscriber.id,
        customerId: `cus_unlock_${subscriber.id.slice(0, 8)}`,
        status: "active",
        priceId: "price_test",
        plan: "monthly",
        currentPeriodEnd: new Date("2026-12-10T00:00:00Z"),
      },
    });
    const comp = await reader();
    await db().user.update({ where: { id: comp.id }, data: { compUntil: new Date("2027-01-01T00:00:00Z") } });
    const [gated] = await published(1);
    for (const someone of [subscriber, comp]) {
      expect(await unlockArticleBySlug(someone, gated!.slug, NOVEMBER)).toMatchObject({
        kind: "subscriber",
        meter: { used: 0, remaining: 3 },
      });
      expect(await unlocksOf(someone)).toBe(0);
    }
    expect(await unlocksOf(who)).toBe(0);
  });

  it("answers not-found for an unknown, malformed, draft or scheduled address", async () => {
    const who = await reader();
    const draft = await createArticle({ status: "draft", publishedAt: null });
    const scheduled = await createArticle({ status: "scheduled", publishedAt: new Date("2026-11-20T00:00:00Z") });
    const future = await createArticle({ publishedAt: new Date("2026-11-20T00:00:00Z") });
    for (const slug of ["no-such-article", "a/b", " ", draft.slug, scheduled.slug, future.slug]) {
      expect(await unlockArticleBySlug(who, slug, NOVEMBER), slug).toEqual({ kind: "not-found" });
    }
    expect(await unlocksOf(who)).toBe(0);
  });

  it("answers no-account for an account deleted after its session was read", async () => {
    const who = await reader();
    const [article] = await published(1);
    await db().user.delete({ where: { id: who.id } });
    expect(await unlockArticleBySlug(who, article!.slug, NOVEMBER)).toEqual({ kind: "no-account" });
  });

  it("ten parallel requests for ten articles with one left: exactly one spends", async () => {
    const who = await reader();
    const [first, second] = await published(2);
    await unlockArticleBySlug(who, first!.slug, NOVEMBER);
    await unlockArticleBySlug(who, second!.slug, NOVEMBER);
    const targets = await published(10);
    const answers = await Promise.all(targets.map((article) => unlockArticleBySlug(who, article.slug, NOVEMBER)));
    expect(answers.filter((answer) => answer.kind === "unlocked")).toHaveLength(1);
    expect(answers.filter((answer) => answer.kind === "quota-exhausted")).toHaveLength(9);
    expect(await readMeter(who, NOVEMBER)).toMatchObject({ used: 3, remaining: 0 });
    expect(await unlocksOf(who)).toBe(3);
  });

  it("ten parallel requests for one article: one spends, the others find it unlocked", async () => {
    const who = await reader();
    const [article] = await published(1);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => unlockArticleBySlug(who, article!.slug, NOVEMBER)),
    );
    expect(answers.filter((answer) => answer.kind === "unlocked")).toHaveLength(1);
    expect(answers.filter((answer) => answer.kind === "already-unlocked")).toHaveLength(9);
    expect(await readMeter(who, NOVEMBER)).toMatchObject({ used: 1, remaining: 2 });
  });

  it("thirty parallel requests for ten articles with three left: each article once, three spent", async () => {
    const who = await reader();
    const targets = await published(10);
    const answers = await Promise.all(
      [...targets, ...targets, ...targets].map((article) => unlockArticleBySlug(who, article.slug, NOVEMBER)),
    );
    expect(answers.filter((answer) => answer.kind === "unlocked")).toHaveLength(3);
    expect(await readMeter(who, NOVEMBER)).toMatchObject({ used: 3, remaining: 0 });
    expect(await unlocksOf(who)).toBe(3);
  });
});
