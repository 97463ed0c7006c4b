// The web server's one-query access decision for signed-in article requests
// (lib/access/session-article-access.ts) against real PostgreSQL: for every
// kind of reader it comes to the same variant as the page's own read through
// lib/access/article-access.ts, and it leaves to Next.js what it cannot
// decide alone.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { accessForArticle } from "@/lib/access/article-access";
import { articlePageVariant } from "@/lib/access/article-page-variant";
import { meterKey } from "@/lib/access/meter-key";
import { meterPeriod } from "@/lib/access/meter-period";
import { spendUnlock } from "@/lib/access/reader-meter";
import { sessionArticleAccess } from "@/lib/access/session-article-access";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth-cookies";
import { effectiveRole } from "@/lib/auth/roles";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { saveOrganisation } from "@/lib/organisations/save-organisation";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { actorWith } from "../fixtures/people-with-roles";
import { createReader } from "../fixtures/readers";

const DAY = 86_400_000;

async function sessionFor(userId: string, expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000)) {
  const token = randomBytes(32).toString("hex");
  await db().session.create({ data: { sessionToken: token, userId, expires } });
  return token;
}

async function subscribe(
  userId: string,
  fields: { status: string; periodEnd: Date; pastDueSince?: Date; endedAt?: Date },
) {
  await db().subscription.create({
    data: {
      id: `sub_test_${uniqueSuffix()}`,
      userId,
      customerId: `cus_test_${uniqueSuffix()}`,
      status: fields.status,
      priceId: "price_monthly",
      plan: "monthly",
      currentPeriodEnd: fields.periodEnd,
      pastDueSince: fields.pastDueSince ?? null,
      endedAt: fields.endedAt ?? null,
    },
  });
}

/** The variant the page itself would declare for this reader (Auth.js's reader, article-access.ts). */
async function pageVariant(
  user: { id: string; email: string; role: "reader" | "editor" | "admin"; compUntil: Date | null },
  article: { id: string; free: boolean },
  now: Date,
) {
  const reader = { ...user, role: effectiveRole(user) };
  return articlePageVariant(await accessForArticle(reader, article, now), reader);
}

/** An organisation running from yesterday to next month, with seats or an email domain. */
async function organisation(fields: Record<string, string>): Promise<string> {
  const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  const outcome = await saveOrganisation(await actorWith("admin"), null, {
    name: `Organisation ${uniqueSuffix()}`,
    firstDay: day(-2),
    lastDay: day(30),
    ...fields,
  });
  if (outcome.kind !== "saved") throw new Error(JSON.stringify(outcome));
  return outcome.id;
}

async function spendOn(count: number, reader: { id: string; email: string }) {
  for (let index = 0; index < count; index++) {
    expect((await spendUnlock(reader, (await createArticle()).id)).kind).toBe("unlocked");
  }
}

describe("sessionArticleAccess", () => {
  it("comes to the page's own variant for every kind of reader", async () => {
    const article = await createArticle();
    const free = await createArticle({ free: true });
    const now = new Date();
    const grace = env().SUBSCRIPTION_GRACE_DAYS;
    const readers: Record<
      string,
      { id: string; email: string; role: "reader" | "editor" | "admin"; compUntil: Date | null }
    > = {};
    const make = async (
      name: string,
      setUp: (reader: (typeof readers)[string]) => Promise<unknown> = async () => {},
    ) => {
      const reader = await createReader();
      await setUp(reader);
      readers[name] = (await db().user.findUniqueOrThrow({ where: { id: reader.id } })) as (typeof readers)[string];
    };
    await make("free, none spent");
    await make("free, two spent", (reader) => spendOn(2, reader));
    await make("free, all spent", (reader) => spendOn(3, reader));
    await make("unlocked this one", (reader) => spendUnlock(reader, article.id));
    await make("registration gift of this one", (reader) =>
      db().articleUnlock.create({
        data: {
          userId: reader.id,
          articleId: article.id,
          period: meterPeriod(now, env().PUBLICATION_TIMEZONE).period,
          kind: "registration_gift",
        },
      }),
    );
    await make("subscriber", (reader) =>
      subscribe(reader.id, { status: "active", periodEnd: new Date(now.getTime() + 20 * DAY) }),
    );
    await make("past due, in grace", (reader) =>
      subscribe(reader.id, {
        status: "past_due",
        periodEnd: new Date(now.getTime() - DAY),
        pastDueSince: new Date(now.getTime() - DAY),
      }),
    );
    await make("past due, grace over", (reader) =>
      subscribe(reader.id, {
        status: "past_due",
        periodEnd: new Date(now.getTime() - (grace + 2) * DAY),
        pastDueSince: new Date(now.getTime() - (grace + 1) * DAY),
      }),
    );
    await make("cancelled, period over", (reader) =>
      subscribe(reader.id, {
        status: "canceled",
        periodEnd: new Date(now.getTime() - DAY),
        endedAt: new Date(now.getTime() - DAY),
      }),
    );
    await make("comp", (reader) =>
      db().user.update({ where: { id: reader.id }, data: { compUntil: new Date(now.getTime() + DAY) } }),
    );
    await make("editor", (reader) => db().user.update({ where: { id: reader.id }, data: { role: "editor" } }));
    await make("organisation member by a seat, all spent", async (reader) => {
      await spendOn(3, reader);
      const manager = await createReader();
      const id = await organisation({ seats: "5", manager: manager.email });
      await db().organisationMember.create({ data: { organisationId: id, userId: reader.id } });
    });
    await make("organisation member by a confirmed address at its domain", async (reader) => {
      const domain = `org-${uniqueSuffix()}.example.edu`;
      await organisation({ domains: domain });
      await db().user.update({
        where: { id: reader.id },
        data: { email: `reader-${uniqueSuffix()}@${domain}`, emailVerified: new Date() },
      });
    });
    await make("same address as an account deleted this month", (reader) =>
      db().departedMeter.create({
        data: {
          emailKey: meterKey(reader.email),
          period: meterPeriod(now, env().PUBLICATION_TIMEZONE).period,
          used: 2,
        },
      }),
    );

    const seen = new Set<string>();
    for (const [name, reader] of Object.entries(readers)) {
      const token = await sessionFor(reader.id);
      for (const target of [article, free]) {
        const decided = await sessionArticleAccess(token, target.slug, now);
        expect(decided.kind, name).toBe("decided");
        const variant = decided.kind === "decided" ? decided.variant : "";
        expect(variant, `${name} on ${target === free ? "a free" : "a gated"} article`).toBe(
          await pageVariant(reader, target, now),
        );
        // Asked again (the address is now known to the server): the same.
        expect(await sessionArticleAccess(token, target.slug, now)).toEqual(decided);
        seen.add(variant);
      }
      // Nothing personal in a variant.
      for (const variant of seen) expect(variant).not.toContain(reader.email);
    }
    // The kinds of reader above make different pages.
    expect(seen.size).toBeGreaterThanOrEqual(10);
    expect([...seen].filter((variant) => JSON.parse(variant).reason === "organisation")).toHaveLength(1);
  });

  it("leaves to Next.js what only it can answer", async () => {
    const reader = await createReader();
    const article = await createArticle();
    const scheduled = await createArticle({ status: "scheduled", publishedAt: new Date(Date.now() + DAY) });
    const now = new Date();
    const live = await sessionFor(reader.id);
    expect((await sessionArticleAccess(live, article.slug, now)).kind).toBe("decided");
    // No such session: never signed in, or signed out.
    expect(await sessionArticleAccess(randomBytes(32).toString("hex"), article.slug, now)).toEqual({ kind: "render" });
    // Ended, and due for Auth.js to extend (it writes the new expiry).
    const ended = await sessionFor(reader.id, new Date(now.getTime() - 1000));
    expect(await sessionArticleAccess(ended, article.slug, now)).toEqual({ kind: "render" });
    const due = await sessionFor(reader.id, new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000 - 2 * DAY));
    expect(await sessionArticleAccess(due, article.slug, now)).toEqual({ kind: "render" });
    // No published article there: a 404 or an old slug's redirect.
    expect(await sessionArticleAccess(live, `no-such-${uniqueSuffix()}`, now)).toEqual({ kind: "render" });
    expect(await sessionArticleAccess(live, scheduled.slug, now)).toEqual({ kind: "render" });
  });

  it("sees an unlock and a changed address on the next request", async () => {
    const reader = await createReader();
    const article = await createArticle();
    const token = await sessionFor(reader.id);
    const variantNow = async () => {
      const decided = await sessionArticleAccess(token, article.slug);
      return decided.kind === "decided" ? JSON.parse(decided.variant) : null;
    };
    expect(await variantNow()).toMatchObject({ level: "preview", reason: "quota-available" });
    await spendUnlock(reader, article.id);
    expect(await variantNow()).toMatchObject({ level: "full", reason: "unlocked", meter: { remaining: 2 } });
    // A new address whose departed account had used the month: counted at once.
    const email = `moved-${uniqueSuffix()}@example.org`;
    const { period } = meterPeriod(new Date(), env().PUBLICATION_TIMEZONE);
    await db().departedMeter.create({ data: { emailKey: meterKey(email), period, used: 1 } });
    await db().user.update({ where: { id: reader.id }, data: { email } });
    expect(await variantNow()).toMatchObject({ meter: { remaining: 1 } });
  });
});
