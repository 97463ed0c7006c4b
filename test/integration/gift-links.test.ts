// Gift articles against real PostgreSQL (and the embedded database): the
// token's rules, the limit of browsers and of gifts a month under real
// parallel requests, opens counted once per browser, what the recipient
// reads, and the counts for the insights.
import { exportReaderData } from "@/lib/account/data-export";
import { describe, expect, it } from "vitest";
import { readArticleFor } from "@/lib/access/read-article";
import { readMeter } from "@/lib/access/reader-meter";
import { mediaFileAccess } from "@/lib/access/media-access";
import { db } from "@/lib/db/prisma";
import { giftForPage, giftOnPage } from "@/lib/gifts/gift-for-page";
import { giftToken, readGiftToken } from "@/lib/gifts/gift-links";
import { giftedArticleShowing } from "@/lib/gifts/gifted-image";
import { recordGiftSignUp } from "@/lib/gifts/gift-sign-up";
import { newBrowserId } from "@/lib/gifts/browser-id";
import { openGift } from "@/lib/gifts/open-gift";
import { sendGift } from "@/lib/gifts/send-gift";
import { findSentGift, listSentGifts, revokeGift } from "@/lib/gifts/sent-gifts";
import { syncSubscription } from "@/lib/billing/subscription-sync";
import { countOriginSubscription } from "@/lib/insights/reader-origin";
import { GIFT_METRICS } from "@/lib/insights/insight-metrics";
import { markdownSrc } from "@/lib/media/media-files";
import { uploadMedia } from "@/lib/media/media-library";
import sharp from "sharp";
import { createArticle } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";
import { buyMonthly } from "../fixtures/stripe";

const GATED = "The gated sentence of a gifted article otterlantern";
const BODY = `One.\n\nTwo.\n\n<!-- paywall -->\n\n${GATED}.\n\nThe last paragraph.`;
const DAY = 24 * 60 * 60 * 1000;

/** A reader who reads everything: an admin's complimentary access. */
async function subscriber() {
  const user = await createReader();
  const compUntil = new Date(Date.now() + 400 * DAY);
  await db().user.update({ where: { id: user.id }, data: { compUntil } });
  return { id: user.id, email: user.email, role: "reader" as const, compUntil };
}

async function freeReader() {
  const user = await createReader();
  return { id: user.id, email: user.email, role: "reader" as const, compUntil: null };
}

// Published long before the fixed dates the monthly tests send on.
const gatedArticle = () => createArticle({ body: BODY, publishedAt: new Date("2026-01-01T00:00:00Z") });

async function sent(sender: Awaited<ReturnType<typeof subscriber>>, slug: string, now = new Date()) {
  const result = await sendGift(sender, slug, now);
  if (result.kind !== "sent") throw new Error(`no gift was made: ${result.kind}`);
  return result;
}

async function insightCount(metric: string, articleId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ total: number }[]>`
    SELECT coalesce(sum(count), 0)::int AS total FROM insight_counts
    WHERE metric = ${metric} AND article_id = ${articleId}::uuid`;
  return row!.total;
}

describe("sending a gift", () => {
  it("is for readers who read everything, of gated articles only", async () => {
    const article = await gatedArticle();
    const free = await createArticle({ free: true, body: BODY });
    const short = await createArticle({ body: "Only one paragraph." });
    const sender = await subscriber();
    expect((await sendGift(sender, article.slug)).kind).toBe("sent");
    expect(await sendGift(await freeReader(), article.slug)).toEqual({ kind: "not-allowed" });
    expect(await sendGift(sender, free.slug)).toEqual({ kind: "not-allowed" });
    expect(await sendGift(sender, short.slug)).toEqual({ kind: "not-allowed" });
    expect(await sendGift(sender, "no-such-article")).toEqual({ kind: "not-allowed" });
    const draft = await createArticle({ body: BODY, status: "draft", publishedAt: null });
    expect(await sendGift(sender, draft.slug)).toEqual({ kind: "not-allowed" });
    // A paying subscriber, as the webhook stores one.
    const paying = await freeReader();
    await db().subscription.create({
      data: {
        id: `sub_gift_${paying.id.slice(0, 8)}`,
        userId: paying.id,
        customerId: `cus_gift_${paying.id.slice(0, 8)}`,
        status: "active",
        priceId: "price_test",
        plan: "monthly",
        currentPeriodEnd: new Date(Date.now() + 30 * DAY),
      },
    });
    expect((await sendGift(paying, article.slug)).kind).toBe("sent");
  });

  it("makes GIFTS_PER_MONTH (10) links a month, in the publication's calendar month", async () => {
    const sender = await subscriber();
    const articles = await Promise.all(Array.from({ length: 12 }, gatedArticle));
    const november = new Date("2026-11-15T12:00:00Z");
    for (const [index, article] of articles.slice(0, 10).entries()) {
      expect(await sendGift(sender, article.slug, november)).toMatchObject({ kind: "sent", remaining: 9 - index });
    }
    expect(await sendGift(sender, articles[10]!.slug, november)).toEqual({
      kind: "limit",
      limit: 10,
      resetsAt: new Date("2026-12-01T00:00:00Z"),
    });
    // A revoked link still counted: it was sent.
    const first = (await listSentGifts(sender.id, november)).at(-1)!;
    expect(await revokeGift(sender.id, first.id, november)).toBe(true);
    expect((await sendGift(sender, articles[10]!.slug, november)).kind).toBe("limit");
    // The last millisecond of November is November; December brings ten more.
    expect((await sendGift(sender, articles[10]!.slug, new Date("2026-11-30T23:59:59.999Z"))).kind).toBe("limit");
    expect((await sendGift(sender, articles[11]!.slug, new Date("2026-12-01T00:00:00Z"))).kind).toBe("sent");
  });

  it("makes exactly the links left under twenty parallel requests", async () => {
    const sender = await subscriber();
    const now = new Date("2026-10-10T10:00:00Z");
    const earlier = await Promise.all(Array.from({ length: 7 }, gatedArticle));
    for (const article of earlier) await sent(sender, article.slug, now);
    const targets = await Promise.all(Array.from({ length: 20 }, gatedArticle));
    const results = await Promise.all(targets.map((article) => sendGift(sender, article.slug, now)));
    expect(results.filter((result) => result.kind === "sent")).toHaveLength(3);
    expect(results.filter((result) => result.kind === "limit")).toHaveLength(17);
    expect(await db().giftLink.count({ where: { senderId: sender.id } })).toBe(10);
  });

  it("gives a second click within seconds the link the first made", async () => {
    const sender = await subscriber();
    const article = await gatedArticle();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 5 }, () => sendGift(sender, article.slug, now)));
    const ids = new Set(results.map((result) => (result.kind === "sent" ? result.giftId : result.kind)));
    expect(ids.size).toBe(1);
    expect(await db().giftLink.count({ where: { senderId: sender.id } })).toBe(1);
    expect(await insightCount(GIFT_METRICS.sent, article.id)).toBe(1);
    const later = await sent(sender, article.slug, new Date(now.getTime() + 60_000));
    expect(later.giftId).not.toBe(results[0]!.kind === "sent" && results[0]!.giftId);
  });
});

describe("a gift token", () => {
  it("opens its article whole in a browser that followed the link, spending nothing", async () => {
    const article = await gatedArticle();
    const gift = await sent(await subscriber(), article.slug);
    expect(readGiftToken(gift.token)).toEqual({ giftId: gift.giftId, articleId: article.id });
    const browser = newBrowserId();
    // Before the link was followed in this browser: the page offers to open it.
    expect(await giftOnPage(gift.token, article.id, browser)).toMatchObject({
      giftedArticleId: null,
      refusal: "not-opened",
      token: gift.token,
    });
    expect(await openGift(gift.token, browser, null)).toEqual({ kind: "opened", slug: article.slug, firstTime: true });
    const onPage = await giftOnPage(gift.token, article.id, browser);
    expect(onPage).toMatchObject({ giftedArticleId: article.id, refusal: null });

    const anonymous = await readArticleFor(null, article.slug, new Date(), { giftedArticleId: onPage.giftedArticleId });
    expect(anonymous?.access.decision).toEqual({ level: "full", reason: "gift" });
    expect(anonymous?.gatedMarkdown).toContain(GATED);
    // A signed-in free reader reads it too, and their meter is untouched.
    const reader = await freeReader();
    const signedIn = await readArticleFor(reader, article.slug, new Date(), { giftedArticleId: article.id });
    expect(signedIn?.access.decision).toEqual({ level: "full", reason: "gift" });
    expect((await readMeter(reader)).used).toBe(0);
    // Without the gift the same browser reads the preview.
    const plain = await readArticleFor(null, article.slug, new Date(), {});
    expect(plain?.access.decision).toEqual({ level: "preview", reason: "anonymous" });
    expect(plain?.gatedMarkdown).toBeNull();
  });

  it("tampered, of any shape, or for a gift that is gone, opens nothing", async () => {
    const article = await gatedArticle();
    const sender = await subscriber();
    const gift = await sent(sender, article.slug);
    const browser = newBrowserId();
    await openGift(gift.token, browser, null);
    // A character of the signature changed: the article it names is still known, but not opened.
    const flipped = gift.token.slice(0, 60) + (gift.token[60] === "A" ? "B" : "A") + gift.token.slice(61);
    for (const token of [flipped, "", "%00", "\u0000", "é".repeat(64), "a".repeat(10_000), ["x", "y"], undefined]) {
      expect(await openGift(token, browser, null)).toEqual({
        kind: "invalid",
        slug: token === flipped ? article.slug : null,
      });
      expect(await giftOnPage(token as string, article.id, browser)).toMatchObject({
        giftedArticleId: null,
        refusal: "invalid",
      });
    }
    // A well-signed token whose gift no longer exists (its sender deleted their account).
    await db().user.delete({ where: { id: sender.id } });
    expect(await openGift(gift.token, browser, null)).toEqual({ kind: "invalid", slug: article.slug });
    expect((await giftOnPage(gift.token, article.id, browser)).refusal).toBe("invalid");
  });

  it("used on another article's page opens nothing there", async () => {
    const [article, other] = await Promise.all([gatedArticle(), gatedArticle()]);
    const gift = await sent(await subscriber(), article.slug);
    const browser = newBrowserId();
    await openGift(gift.token, browser, null);
    expect(await giftOnPage(gift.token, other.id, browser)).toMatchObject({
      giftedArticleId: null,
      refusal: "other-article",
    });
    // A token signed for a gift with another article's id is not the gift.
    const moved = giftToken({ giftId: gift.giftId, articleId: other.id });
    expect(await openGift(moved, browser, null)).toEqual({ kind: "invalid", slug: other.slug });
    expect((await giftOnPage(moved, other.id, browser)).refusal).toBe("invalid");
  });

  it("expired, or revoked by its sender, opens nothing, also where it opened before", async () => {
    const [first, second] = await Promise.all([gatedArticle(), gatedArticle()]);
    const sender = await subscriber();
    const now = new Date();
    const expiring = await sent(sender, first.slug, now);
    const revoked = await sent(sender, second.slug, now);
    const browser = newBrowserId();
    await openGift(expiring.token, browser, null, now);
    await openGift(revoked.token, browser, null, now);

    const afterDays = new Date(expiring.expiresAt.getTime());
    expect(await giftOnPage(expiring.token, first.id, browser, afterDays)).toMatchObject({
      giftedArticleId: null,
      refusal: "expired",
      expiresAt: expiring.expiresAt,
    });
    expect(await openGift(expiring.token, newBrowserId(), null, afterDays)).toEqual({
      kind: "refused",
      slug: first.slug,
      refusal: "expired",
    });
    // GIFT_DAYS (30) from when it was sent.
    expect(expiring.expiresAt.getTime() - now.getTime()).toBe(30 * DAY);

    expect(await revokeGift((await freeReader()).id, revoked.giftId)).toBe(false);
    expect(await revokeGift(sender.id, "not-a-uuid")).toBe(false);
    expect(await revokeGift(sender.id, revoked.giftId)).toBe(true);
    expect(await revokeGift(sender.id, revoked.giftId)).toBe(false);
    expect((await giftOnPage(revoked.token, second.id, browser)).refusal).toBe("revoked");
    expect((await openGift(revoked.token, browser, null)).kind).toBe("refused");
    expect((await findSentGift(sender.id, revoked.giftId))?.url).toBeNull();
    // The sender's data download lists both, with the browsers each opened in.
    const { giftsSent } = await exportReaderData(sender.id);
    expect(giftsSent).toHaveLength(2);
    expect(giftsSent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: first.slug, revokedAt: null, browsersOpenedIn: 1 }),
        expect.objectContaining({ slug: second.slug, revokedAt: expect.any(Date), browsersOpenedIn: 1 }),
      ]),
    );
  });

  it("is not counted when its sender follows it", async () => {
    const article = await gatedArticle();
    const sender = await subscriber();
    const gift = await sent(sender, article.slug);
    expect(await openGift(gift.token, newBrowserId(), sender.id)).toEqual({ kind: "sender", slug: article.slug });
    expect(await db().giftOpen.count({ where: { giftId: gift.giftId } })).toBe(0);
  });

  it("leaves a page with no gift parameters alone", async () => {
    const article = await gatedArticle();
    expect(await giftForPage(article.slug, {})).toBeNull();
    expect(await giftForPage(article.slug, { page: "2" })).toBeNull();
  });
});

describe("the browsers a gift opens in", () => {
  it("are at most its limit; a browser that opened it keeps reading", async () => {
    const article = await gatedArticle();
    const gift = await sent(await subscriber(), article.slug);
    await db().giftLink.update({ where: { id: gift.giftId }, data: { maxBrowsers: 2 } });
    const [one, two, three] = [newBrowserId(), newBrowserId(), newBrowserId()];
    expect((await openGift(gift.token, one, null)).kind).toBe("opened");
    expect((await openGift(gift.token, two, null)).kind).toBe("opened");
    expect(await openGift(gift.token, three, null)).toEqual({ kind: "refused", slug: article.slug, refusal: "full" });
    expect(await giftOnPage(gift.token, article.id, three)).toMatchObject({ refusal: "full", maxBrowsers: 2 });
    expect(await openGift(gift.token, one, null)).toEqual({ kind: "opened", slug: article.slug, firstTime: false });
    expect((await giftOnPage(gift.token, article.id, two)).giftedArticleId).toBe(article.id);
  });

  it("never pass the limit, nor lose an open, under parallel opens", async () => {
    const article = await gatedArticle();
    const sender = await subscriber();
    const gift = await sent(sender, article.slug);
    await db().giftLink.update({ where: { id: gift.giftId }, data: { maxBrowsers: 5 } });
    const browsers = Array.from({ length: 20 }, newBrowserId);
    const results = await Promise.all(browsers.map((browser) => openGift(gift.token, browser, null)));
    expect(results.filter((result) => result.kind === "opened")).toHaveLength(5);
    expect(results.filter((result) => result.kind === "refused")).toHaveLength(15);
    expect(await db().giftOpen.count({ where: { giftId: gift.giftId } })).toBe(5);
    expect(await insightCount(GIFT_METRICS.open, article.id)).toBe(5);
  });

  it("are counted once each, however often they open it (in parallel too)", async () => {
    const article = await gatedArticle();
    const sender = await subscriber();
    const gift = await sent(sender, article.slug);
    const [browser, other] = [newBrowserId(), newBrowserId()];
    const results = await Promise.all(Array.from({ length: 10 }, () => openGift(gift.token, browser, null)));
    expect(results.filter((result) => result.kind === "opened" && result.firstTime)).toHaveLength(1);
    await openGift(gift.token, other, null);
    expect(await findSentGift(sender.id, gift.giftId)).toMatchObject({
      browsers: 2,
      opens: 11,
      maxBrowsers: 25,
      article: { slug: article.slug, title: article.title },
      url: expect.stringMatching(new RegExp(`/gift/${gift.token}$`)),
    });
    expect(await insightCount(GIFT_METRICS.open, article.id)).toBe(2);
    expect(await insightCount(GIFT_METRICS.sent, article.id)).toBe(1);
  });
});

describe("a gift's images and what follows a gift", () => {
  it("lets the browsers it opened in fetch the gated part's images", async () => {
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#808080" } })
      .png()
      .toBuffer();
    const upload = await uploadMedia({ fileName: "gifted.png", bytes, altText: "", uploadedBy: null });
    if (!upload.ok) throw new Error(upload.message);
    const article = await createArticle({ body: `One.\n\n<!-- paywall -->\n\n![g](${markdownSrc(upload.media)})` });
    const sender = await subscriber();
    const gift = await sent(sender, article.slug);
    const [opened, stranger] = [newBrowserId(), newBrowserId()];
    await openGift(gift.token, opened, null);
    const key = upload.media.key;
    const giftedArticleId = await giftedArticleShowing(opened, key);
    expect(giftedArticleId).toBe(article.id);
    expect(await mediaFileAccess(key, null, { giftedArticleId })).toBe("private");
    expect(await giftedArticleShowing(stranger, key)).toBeNull();
    expect(await giftedArticleShowing(null, key)).toBeNull();
    expect(await mediaFileAccess(key, null, {})).toBe("none");
    await revokeGift(sender.id, gift.giftId);
    expect(await giftedArticleShowing(opened, key)).toBeNull();
  });

  it("counts an account made in a browser that opened a gift, and its subscription, on the gift's article", async () => {
    const article = await gatedArticle();
    const gift = await sent(await subscriber(), article.slug);
    const browser = newBrowserId();
    const before = await freeReader();
    await openGift(gift.token, browser, null);
    // An account that existed before the gift was opened did not come from it.
    expect(await recordGiftSignUp(before.email, browser)).toBe(false);
    const newcomer = await freeReader();
    expect(await recordGiftSignUp(newcomer.email, newBrowserId())).toBe(false);
    expect(await recordGiftSignUp(newcomer.email, null)).toBe(false);
    expect(await recordGiftSignUp(newcomer.email, browser)).toBe(true);
    expect(await recordGiftSignUp(newcomer.email, browser)).toBe(false);
    expect(await insightCount(GIFT_METRICS.signup, article.id)).toBe(1);
    // Their subscription, synced from Stripe twice (the webhook and the reconciliation), counts once.
    const bought = await buyMonthly(newcomer);
    await syncSubscription(bought.subscriptionId);
    await syncSubscription(bought.subscriptionId);
    expect(await insightCount(GIFT_METRICS.subscription, article.id)).toBe(1);
    // A subscriber who did not come through a gift counts for none.
    await db().$transaction((tx) => countOriginSubscription(tx, before.id));
    expect(await insightCount(GIFT_METRICS.subscription, article.id)).toBe(1);
  });
});
