// The newsroom's readers against real PostgreSQL: role checks on every
// operation, finding readers, the counts, a reader's profile, complimentary
// All-Access (with its audit entries and the access decision) and roles.
import { describe, expect, it } from "vitest";
import { accessForArticle } from "@/lib/access/article-access";
import { spendUnlock } from "@/lib/access/reader-meter";
import { setNewsletter } from "@/lib/account/newsletter-choices";
import type { Reader } from "@/lib/auth/get-reader";
import { lookupKeyFor } from "@/lib/billing/plans";
import { env } from "@/lib/config/env";
import { db, type Prisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/auth/actor";
import { changeReaderRole } from "@/lib/newsroom/readers/change-reader-role";
import { grantComp, revokeComp } from "@/lib/newsroom/readers/comp-access";
import { countReaders, type ReaderCounts } from "@/lib/newsroom/readers/reader-counts";
import { getReaderProfile } from "@/lib/newsroom/readers/reader-profile";
import { searchReaders } from "@/lib/newsroom/readers/search-readers";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { actors, actorWith, createPerson } from "../fixtures/people-with-roles";
import { createReader } from "../fixtures/readers";

const DAY = 86_400_000;

async function asReader(id: string): Promise<Reader> {
  const user = await db().user.findUniqueOrThrow({ where: { id } });
  return { id: user.id, email: user.email, role: user.role, compUntil: user.compUntil };
}

/** A day (YYYY-MM-DD, UTC: the tests' publication time zone) `days` from now. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

let subscriptionNumber = 0;
function subscription(
  userId: string,
  fields: { plan: "monthly" | "annual"; status: string; periodEnd: Date; pastDueSince?: Date; endedAt?: Date },
) {
  subscriptionNumber += 1;
  return {
    id: `sub_test_${uniqueSuffix()}_${subscriptionNumber}`,
    userId,
    customerId: `cus_test_${uniqueSuffix()}`,
    status: fields.status,
    priceId: `price_${fields.plan}`,
    plan: lookupKeyFor(fields.plan),
    currentPeriodEnd: fields.periodEnd,
    pastDueSince: fields.pastDueSince ?? null,
    endedAt: fields.endedAt ?? null,
  };
}

describe("role checks", () => {
  it("refuse readers and editors every readers operation, and change nothing", async () => {
    const { reader, editor } = await actors();
    const target = await createReader();
    for (const actor of [reader, editor]) {
      const refused: [string, () => Promise<unknown>][] = [
        ["search", () => searchReaders(actor, { query: "", page: 1 })],
        ["counts", () => countReaders(actor)],
        ["profile", () => getReaderProfile(actor, target.id)],
        ["grant comp", () => grantComp(actor, { userId: target.id, day: dayFromNow(30) })],
        ["revoke comp", () => revokeComp(actor, { userId: target.id })],
        ["change role", () => changeReaderRole(actor, { userId: target.id, role: "admin" })],
      ];
      for (const [name, operation] of refused)
        await expect(operation(), `${actor.role}: ${name}`).rejects.toThrow(ForbiddenError);
    }
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "reader",
      compUntil: null,
    });
    expect(await db().auditEntry.count({ where: { subject: target.email } })).toBe(0);
  });
});

describe("finding readers", () => {
  it("finds any part of the address, case-insensitively, addresses starting with it first, a page at a time", async () => {
    const admin = await actorWith("admin");
    const word = `fnd${uniqueSuffix()}`;
    const emails = [`b-${word}@example.org`, `${word}-z@example.org`, `a-${word}@example.net`, `${word}-a@example.org`];
    for (const email of emails) await db().user.create({ data: { email } });
    const found = await searchReaders(admin, { query: ` ${word.toUpperCase()} `, page: 1 });
    expect(found.readers.map((reader) => reader.email)).toEqual([
      `${word}-a@example.org`,
      `${word}-z@example.org`,
      `a-${word}@example.net`,
      `b-${word}@example.org`,
    ]);
    expect(found.hasMore).toBe(false);
    const pages = await Promise.all([1, 2, 3].map((page) => searchReaders(admin, { query: word, page, perPage: 2 })));
    expect(pages.map((page) => page.readers.map((reader) => reader.email))).toEqual([
      [`${word}-a@example.org`, `${word}-z@example.org`],
      [`a-${word}@example.net`, `b-${word}@example.org`],
      [],
    ]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, false, false]);
    // A wildcard is only a character.
    expect((await searchReaders(admin, { query: `${word}%`, page: 1 })).readers).toEqual([]);
    expect((await searchReaders(admin, { query: `_${word}`, page: 1 })).readers).toEqual([]);
  });

  it("shows each reader's plan", async () => {
    const admin = await actorWith("admin");
    const word = `pln${uniqueSuffix()}`;
    const payer = await db().user.create({ data: { email: `${word}-payer@example.org` } });
    await db().subscription.create({
      data: subscription(payer.id, { plan: "annual", status: "active", periodEnd: new Date(Date.now() + 300 * DAY) }),
    });
    await db().user.create({ data: { email: `${word}-comp@example.org`, compUntil: new Date(Date.now() + DAY) } });
    await db().user.create({ data: { email: `${word}-free@example.org`, compUntil: new Date(Date.now() - DAY) } });
    const found = await searchReaders(admin, { query: word, page: 1 });
    expect(found.readers.map((reader) => [reader.email.split("@")[0], reader.plan])).toEqual([
      [`${word}-comp`, "comp"],
      [`${word}-free`, "free"],
      [`${word}-payer`, "annual"],
    ]);
  });
});

describe("the counts", () => {
  it("count registered readers, paying subscribers by plan, comp readers and the week's new readers", async () => {
    const admin = await actorWith("admin");
    const now = new Date();
    const graceDays = env().SUBSCRIPTION_GRACE_DAYS;
    // One snapshot: other test files add readers meanwhile, and must not change
    // the difference measured here. Everything is rolled back afterwards.
    // Thrown to roll the transaction back, carrying what was measured.
    class Measured extends Error {
      constructor(readonly counts: { before: ReaderCounts; after: ReaderCounts }) {
        super("rolled back");
      }
    }
    const outcome = await db()
      .$transaction(
        async (tx) => {
          const before = await countReaders(admin, now, tx);
          const minuteAgo = new Date(now.getTime() - 60_000);
          const person = (data: Omit<Prisma.UserCreateInput, "email"> = {}) =>
            tx.user.create({ data: { email: `count-${uniqueSuffix()}@example.org`, createdAt: minuteAgo, ...data } });
          const add = (userId: string, fields: Parameters<typeof subscription>[1]) =>
            tx.subscription.create({ data: subscription(userId, fields) });
          const later = new Date(now.getTime() + 20 * DAY);
          const earlier = new Date(now.getTime() - DAY);
          const old = new Date(now.getTime() - 30 * DAY);
          // Paying: monthly, annual, annual cancelled with time left, monthly past due within its grace.
          await add((await person()).id, { plan: "monthly", status: "active", periodEnd: later });
          await add((await person({ createdAt: old })).id, { plan: "annual", status: "active", periodEnd: later });
          await add((await person({ createdAt: old })).id, {
            plan: "annual",
            status: "canceled",
            periodEnd: later,
            endedAt: now,
          });
          await add((await person({ createdAt: old })).id, {
            plan: "monthly",
            status: "past_due",
            periodEnd: earlier,
            pastDueSince: earlier,
          });
          // Past due, with no date seen yet: the grace period starts now.
          await add((await person({ createdAt: old })).id, { plan: "monthly", status: "past_due", periodEnd: earlier });
          // Two subscriptions, one person: one subscriber, on the plan of the later one.
          const twice = await person({ createdAt: old });
          await add(twice.id, { plan: "monthly", status: "active", periodEnd: later });
          await add(twice.id, { plan: "annual", status: "trialing", periodEnd: new Date(later.getTime() + 10 * DAY) });
          // A price that is neither plan's (an old one, say).
          await tx.subscription.create({
            data: {
              ...subscription((await person({ createdAt: old })).id, {
                plan: "monthly",
                status: "active",
                periodEnd: later,
              }),
              plan: "legacy_price",
            },
          });
          // Not paying: ended, past due beyond the grace, never paid.
          await add((await person({ createdAt: old })).id, {
            plan: "monthly",
            status: "canceled",
            periodEnd: earlier,
            endedAt: earlier,
          });
          await add((await person({ createdAt: old })).id, {
            plan: "annual",
            status: "past_due",
            periodEnd: earlier,
            pastDueSince: new Date(now.getTime() - (graceDays + 1) * DAY),
          });
          await add((await person({ createdAt: old })).id, { plan: "monthly", status: "incomplete", periodEnd: later });
          // Comp: running (one also pays), ended.
          await person({ compUntil: later });
          await add((await person({ createdAt: old, compUntil: later })).id, {
            plan: "annual",
            status: "active",
            periodEnd: later,
          });
          await person({ createdAt: old, compUntil: earlier });
          // Joined six days ago: new this week; eight days ago: not.
          await person({ createdAt: new Date(now.getTime() - 6 * DAY) });
          await person({ createdAt: new Date(now.getTime() - 8 * DAY) });
          throw new Measured({ before, after: await countReaders(admin, now, tx) });
        },
        { isolationLevel: "RepeatableRead", timeout: 60_000 },
      )
      .catch((error: unknown) => error);
    if (!(outcome instanceof Measured)) throw outcome;
    const { before, after } = outcome.counts;
    expect(after.registered - before.registered).toBe(15);
    expect(after.subscribers.total - before.subscribers.total).toBe(8);
    expect(after.subscribers.monthly - before.subscribers.monthly).toBe(3);
    expect(after.subscribers.annual - before.subscribers.annual).toBe(4);
    expect(after.subscribers.otherPlan - before.subscribers.otherPlan).toBe(1);
    expect(after.comp - before.comp).toBe(2);
    expect(after.newThisWeek - before.newThisWeek).toBe(3);
  });
});

describe("a reader's profile", () => {
  it("shows plan, subscription, unlocks this month and in all, newsletters, role and comp", async () => {
    const admin = await actorWith("admin");
    const reader = await createPerson("editor");
    const periodEnd = new Date(Date.now() + 25 * DAY);
    await db().subscription.create({ data: subscription(reader.id, { plan: "monthly", status: "active", periodEnd }) });
    const [thisMonth, lastMonth] = [await createArticle(), await createArticle()];
    await spendUnlock(reader, thisMonth.id);
    await spendUnlock(reader, lastMonth.id, new Date(Date.now() - 40 * DAY));
    await setNewsletter(reader.id, "weekly_review", false, true);
    const profile = await getReaderProfile(admin, reader.id);
    expect(profile).toMatchObject({
      email: reader.email,
      role: "editor",
      effectiveRole: "editor",
      plan: "monthly",
      compUntil: null,
      compRunning: false,
      subscriptions: [{ status: "active", plan: lookupKeyFor("monthly"), currentPeriodEnd: periodEnd }],
      meter: { used: 1 },
    });
    expect(profile?.unlocked.map((article) => article.slug)).toEqual([thisMonth.slug, lastMonth.slug]);
    expect(profile?.newsletters.map((choice) => [choice.newsletter, choice.subscribed])).toEqual([
      ["free", false],
      ["daily_review", true],
      ["weekly_review", false],
    ]);
    expect(await getReaderProfile(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getReaderProfile(admin, "not-an-id")).toBeNull();
  });
});

describe("complimentary All-Access", () => {
  it("is granted until the end of a day, logged, and lets the reader read a gated article whole; revoked, it stops", async () => {
    const admin = await actorWith("admin");
    const reader = await createReader();
    const article = await createArticle({ free: false });
    expect((await accessForArticle(await asReader(reader.id), article)).decision).toEqual({
      level: "preview",
      reason: "quota-available",
    });

    const day = dayFromNow(10);
    const granted = await grantComp(admin, { userId: reader.id, day });
    const until = new Date(`${day}T00:00:00Z`).getTime() + DAY;
    expect(granted).toEqual({ kind: "granted", email: reader.email, until: new Date(until) });
    expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).compUntil).toEqual(new Date(until));
    expect((await accessForArticle(await asReader(reader.id), article)).decision).toEqual({
      level: "full",
      reason: "comp",
    });
    expect(await getReaderProfile(admin, reader.id)).toMatchObject({ plan: "comp", compRunning: true });

    const revoked = await revokeComp(admin, { userId: reader.id });
    expect(revoked).toEqual({ kind: "revoked", email: reader.email });
    expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).compUntil).toBeNull();
    expect((await accessForArticle(await asReader(reader.id), article)).decision).toEqual({
      level: "preview",
      reason: "quota-available",
    });
    // Nothing left to revoke: nothing logged.
    expect(await revokeComp(admin, { userId: reader.id })).toEqual({ kind: "not-comped", email: reader.email });

    const entries = await db().auditEntry.findMany({ where: { subject: reader.email }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.actor])).toEqual([
      ["comp.grant", admin.id, admin.label],
      ["comp.revoke", admin.id, admin.label],
    ]);
    expect(entries[0]?.details).toEqual({ until: new Date(until).toISOString(), previous: null });
  });

  it("refuses a date in the past or not a date, and changes nothing", async () => {
    const admin = await actorWith("admin");
    const reader = await createReader();
    for (const day of [dayFromNow(-1), "2026-02-30", "soon", "", undefined, 12]) {
      expect(await grantComp(admin, { userId: reader.id, day }), String(day)).toMatchObject({
        kind: "invalid-date",
        message: expect.any(String),
      });
    }
    expect(await grantComp(admin, { userId: "00000000-0000-4000-8000-000000000000", day: dayFromNow(3) })).toEqual({
      kind: "not-found",
    });
    expect(await revokeComp(admin, { userId: "nonsense" })).toEqual({ kind: "not-found" });
    expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).compUntil).toBeNull();
    expect(await db().auditEntry.count({ where: { subject: reader.email } })).toBe(0);
  });

  it("logs each of two admins' grants at once, in turn", async () => {
    const [first, second] = [await actorWith("admin"), await actorWith("admin")];
    const reader = await createReader();
    await Promise.all([
      grantComp(first, { userId: reader.id, day: dayFromNow(5) }),
      grantComp(second, { userId: reader.id, day: dayFromNow(9) }),
    ]);
    const entries = await db().auditEntry.findMany({
      where: { subject: reader.email, action: "comp.grant" },
      orderBy: { createdAt: "asc" },
    });
    expect(entries).toHaveLength(2);
    // The later entry saw the earlier grant as "previous": they did not overlap.
    const [earlier, later] = entries.map((entry) => entry.details as { until: string; previous: string | null });
    expect(earlier?.previous).toBeNull();
    expect(later?.previous).toBe(earlier?.until);
    const stored = (await db().user.findUniqueOrThrow({ where: { id: reader.id } })).compUntil?.toISOString();
    expect(stored).toBe(later?.until);
  });
});

describe("roles from a reader's page", () => {
  it("changes the role through changeRole, logged; refuses an admin's own demotion", async () => {
    const admin = await createPerson("admin");
    const actor = { id: admin.id, label: admin.email, role: admin.role };
    const reader = await createReader();
    expect(await changeReaderRole(actor, { userId: reader.id, role: "editor" })).toMatchObject({
      kind: "changed",
      from: "reader",
      to: "editor",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("editor");
    expect(
      await db().auditEntry.count({ where: { subject: reader.email, action: "role.change", actorId: admin.id } }),
    ).toBe(1);
    expect(await changeReaderRole(actor, { userId: reader.id, role: "reader" })).toMatchObject({
      kind: "changed",
      to: "reader",
    });
    expect(await changeReaderRole(actor, { userId: admin.id, role: "editor" })).toEqual({ kind: "own-admin-role" });
    expect(await changeReaderRole(actor, { userId: "nope", role: "editor" })).toEqual({ kind: "not-found" });
  });
});
