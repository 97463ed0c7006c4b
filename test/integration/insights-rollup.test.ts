// The insights roll-up (lib/insights/) against real PostgreSQL: page views
// counted in memory by two web servers and flushed in batches, and the
// funnel's events counted where they happen (a registration, a gift, an
// unlock, a checkout opened at the Stripe emulator, a subscription and its
// cancellation synced from it), read back by the dashboard's reports exactly.
import { describe, expect, it } from "vitest";
import { claimRegistrationGift } from "@/lib/access/registration-gifts";
import { spendUnlock } from "@/lib/access/reader-meter";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { recordSignInRequest } from "@/lib/auth/sign-in-requests";
import { applySignUpChoices } from "@/lib/auth/sign-up-choices";
import { createCheckoutSession } from "@/lib/billing/checkout";
import { returnTarget } from "@/lib/billing/return-target";
import { stripe } from "@/lib/billing/stripe-client";
import { syncSubscription } from "@/lib/billing/subscription-sync";
import { db } from "@/lib/db/prisma";
import { insightCounter } from "@/lib/insights/insight-counter";
import { EVENT_METRICS, VIEW_METRICS } from "@/lib/insights/insight-metrics";
import { articleReport } from "@/lib/newsroom/insights/article-report";
import { funnelReport } from "@/lib/newsroom/insights/funnel-report";
import { parseInsightsPeriod } from "@/lib/newsroom/insights/insights-period";
import { createArticle, uniqueSuffix } from "../fixtures/articles";

const ZONE = process.env.PUBLICATION_TIMEZONE ?? "UTC";
// Days no other test counts on: the funnel is the whole site's.
const DAY = new Date("2031-03-12T12:00:00Z");
const NEXT_DAY = new Date("2031-03-13T12:00:00Z");

const periodOf = (from: string, to: string) => {
  const result = parseInsightsPeriod({ period: "custom", from, to }, DAY, ZONE);
  if (!result.ok) throw new Error(result.message);
  return result.period;
};

async function countsOf(articleId: string) {
  const rows = await db().insightCount.findMany({ where: { articleId }, orderBy: [{ day: "asc" }, { metric: "asc" }] });
  return rows.map((row) => [row.day.toISOString().slice(0, 10), row.metric, Number(row.count)]);
}

describe("the in-memory counter", () => {
  it("adds what two servers counted for the same day and article, flush after flush", async () => {
    const article = await createArticle();
    const serverA = insightCounter({ timeZone: "UTC" });
    const serverB = insightCounter({ timeZone: "UTC" });
    for (let i = 0; i < 5; i++) serverA.add(VIEW_METRICS.anonymous, article.id, DAY);
    for (let i = 0; i < 3; i++) serverB.add(VIEW_METRICS.anonymous, article.id, DAY);
    serverB.add(EVENT_METRICS.panel, article.id, DAY);
    // Flushed at the same moment: both increments land.
    await Promise.all([serverA.flush(), serverB.flush()]);
    serverA.add(VIEW_METRICS.anonymous, article.id, DAY);
    serverA.add(VIEW_METRICS.anonymous, article.id, NEXT_DAY);
    await serverA.flush();
    // Nothing waits; a flush with nothing counted writes nothing.
    expect(serverA.pending() + serverB.pending()).toBe(0);
    await serverB.flush();
    expect(await countsOf(article.id)).toEqual([
      ["2031-03-12", "panel", 1],
      ["2031-03-12", "view.anonymous", 9],
      ["2031-03-13", "view.anonymous", 1],
    ]);
  });

  it("keeps the counts of a flush that failed for the next one", async () => {
    const article = await createArticle();
    let failing = true;
    const errors: number[] = [];
    const writes: unknown[][] = [];
    const counter = insightCounter({
      timeZone: "UTC",
      write: async (rows) => {
        if (failing) throw new Error("PostgreSQL is away");
        writes.push(rows);
      },
      onError: (_error, kept) => errors.push(kept),
    });
    counter.add(VIEW_METRICS.reader, article.id, DAY);
    await counter.flush();
    counter.add(VIEW_METRICS.reader, article.id, DAY);
    expect(counter.pending()).toBe(2);
    failing = false;
    await counter.flush();
    expect(errors).toEqual([1]);
    expect(writes).toEqual([[{ day: "2031-03-12", metric: VIEW_METRICS.reader, articleId: article.id, count: 2 }]]);
  });

  it("flushes what is left when stopped", async () => {
    const article = await createArticle();
    const counter = insightCounter({ timeZone: "UTC" });
    counter.start(60_000);
    counter.add(VIEW_METRICS.subscriber, article.id, DAY);
    await counter.stop();
    expect(await countsOf(article.id)).toEqual([["2031-03-12", "view.subscriber", 1]]);
  });
});

describe("a scripted day on one article", () => {
  it("is counted exactly, step by step, in the funnel and on the article", async () => {
    const article = await createArticle({ publishedAt: new Date("2031-03-01T00:00:00Z") });
    const before = await funnelReport(COMMAND_LINE, periodOf("2031-03-12", "2031-03-12"));

    // Views and panels, from two servers.
    const [serverA, serverB] = [insightCounter({ timeZone: ZONE }), insightCounter({ timeZone: ZONE })];
    for (let i = 0; i < 7; i++) (i % 2 ? serverA : serverB).add(VIEW_METRICS.anonymous, article.id, DAY);
    for (let i = 0; i < 4; i++) serverA.add(EVENT_METRICS.panel, article.id, DAY);
    serverB.add(VIEW_METRICS.reader, article.id, DAY);
    serverB.add(VIEW_METRICS.bot, article.id, DAY);
    await Promise.all([serverA.flush(), serverB.flush()]);

    // Two registrations from the article's panel (one with instant access), one from the sign-in page.
    const registered = [];
    for (const source of ["paywall", "paywall", "signin"] as const) {
      const email = `insights-${uniqueSuffix()}@example.org`;
      const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
      await recordSignInRequest({
        email,
        ip,
        source,
        newsletter: false,
        articleId: source === "paywall" ? article.id : null,
        now: DAY,
      });
      if (registered.length === 0) {
        expect(await claimRegistrationGift({ email, articleId: article.id, ip, limitByIp: true, now: DAY })).toEqual({
          given: true,
        });
      }
      const user = await db().user.create({ data: { email } });
      await applySignUpChoices(user, DAY);
      registered.push({ id: user.id, email, role: "reader" as const, compUntil: null });
    }

    // Two free articles spent on it; a repeat spends nothing and counts nothing.
    expect(await spendUnlock(registered[1]!, article.id, DAY)).toMatchObject({ kind: "unlocked" });
    expect(await spendUnlock(registered[2]!, article.id, DAY)).toMatchObject({ kind: "unlocked" });
    expect(await spendUnlock(registered[2]!, article.id, DAY)).toMatchObject({ kind: "already-unlocked" });

    // A checkout opened from the article, twice (a double click: one session), and paid.
    const buyer = registered[0]!;
    const start = { planKey: "monthly" as const, returnTo: returnTarget(article.slug), articleId: article.id };
    const url = await createCheckoutSession(buyer, start, DAY);
    expect(await createCheckoutSession(buyer, start, DAY)).toBe(url);
    const paid = await fetch(url, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({
        email: buyer.email,
        cardNumber: "4242 4242 4242 4242",
        cardExpiry: "12/30",
        cardCvc: "123",
      }),
    });
    expect(paid.status).toBe(303);
    const session = await stripe().checkout.sessions.retrieve(url.split("/").at(-1)!);
    const subscriptionId = String(session.subscription);
    // Synced twice (the webhook and the reconciliation): started once.
    await syncSubscription(subscriptionId, DAY);
    await syncSubscription(subscriptionId, DAY);
    // Cancelled at the period's end, synced twice: one cancellation.
    await stripe().subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await syncSubscription(subscriptionId, DAY);
    await syncSubscription(subscriptionId, DAY);

    expect(await countsOf(article.id)).toEqual([
      ["2031-03-12", "cancellation", 1],
      ["2031-03-12", "checkout", 1],
      ["2031-03-12", "gift", 1],
      ["2031-03-12", "panel", 4],
      ["2031-03-12", "registration", 2],
      ["2031-03-12", "subscription", 1],
      ["2031-03-12", "unlock", 2],
      ["2031-03-12", "view.anonymous", 7],
      ["2031-03-12", "view.bot", 1],
      ["2031-03-12", "view.reader", 1],
    ]);

    const after = await funnelReport(COMMAND_LINE, periodOf("2031-03-12", "2031-03-12"));
    const added = Object.fromEntries(
      after.steps.map((step, index) => [step.name, step.total - before.steps[index]!.total]),
    );
    expect(added).toEqual({
      "Article views, anonymous": 7,
      "Paywall panels shown": 4,
      // The sign-in page's registration counts for the site, on no article.
      Registrations: 3,
      "Instant-access gifts": 1,
      "Free articles unlocked": 2,
      "Checkouts started": 1,
      "Subscriptions started": 1,
      Cancellations: 1,
    });

    const { rows } = await articleReport(COMMAND_LINE, periodOf("2031-03-12", "2031-03-12"), { limit: 1000 });
    expect(rows.find((row) => row.articleId === article.id)).toEqual({
      articleId: article.id,
      title: article.title,
      slug: article.slug,
      views: 8,
      panels: 4,
      registrations: 2,
      subscriptions: 1,
      unlocks: 2,
    });
  });
});
