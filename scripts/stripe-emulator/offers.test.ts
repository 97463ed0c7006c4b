// Coupons, promotion codes and the discounts Checkout makes of them, through
// the real SDK: their fields and lists, the codes Stripe refuses (unknown,
// inactive, expired, used up) with its error shape, the hosted page's
// promotion code field, and invoices discounted for the coupon's duration.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caught, expanded, payCheckout, startTestEmulator, type TestEmulator } from "./test-harness";

let t: TestEmulator;
let monthly: Stripe.Price;
beforeAll(async () => {
  t = await startTestEmulator();
  monthly = (await t.stripe.prices.list({ lookup_keys: ["all_access_monthly"] })).data[0]!;
});
beforeEach(() => t.control("POST", "/_emulator/reset"));
afterAll(() => t.emulator.stop());

type Advance = { now: number; events: string[] };

async function now(): Promise<number> {
  return (await t.control<{ now: number }>("GET", "/_emulator/clock")).now;
}

function advance(seconds: number): Promise<Advance> {
  return t.control<Advance>("POST", "/_emulator/clock/advance", { seconds });
}

function sessionWith(extra: Partial<Stripe.Checkout.SessionCreateParams>, customer?: string) {
  return t.stripe.checkout.sessions.create({
    mode: "subscription",
    ...(customer ? { customer } : {}),
    line_items: [{ price: monthly.id, quantity: 1 }],
    success_url: "http://localhost:3000/subscribe/return?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/subscribe",
    ...extra,
  });
}

/** A coupon and its promotion code, made through the API. */
async function offer(
  coupon: Stripe.CouponCreateParams,
  promotion: Omit<Stripe.PromotionCodeCreateParams, "promotion"> = {},
): Promise<{ coupon: Stripe.Coupon; promotion: Stripe.PromotionCode }> {
  const created = await t.stripe.coupons.create(coupon);
  const code = await t.stripe.promotionCodes.create({
    promotion: { type: "coupon", coupon: created.id },
    ...promotion,
  });
  return { coupon: created, promotion: code };
}

describe("coupons", () => {
  it("are made with Stripe's fields and defaults, and read, listed, renamed and deleted", async () => {
    const percent = await t.stripe.coupons.create({ percent_off: 25, duration: "forever", name: "A quarter off" });
    expect(percent).toMatchObject({
      object: "coupon",
      percent_off: 25,
      amount_off: null,
      currency: null,
      duration: "forever",
      duration_in_months: null,
      max_redemptions: null,
      redeem_by: null,
      times_redeemed: 0,
      valid: true,
      name: "A quarter off",
      livemode: false,
    });
    const redeemBy = (await now()) + 30 * 86_400;
    const amount = await t.stripe.coupons.create({
      id: "WINTER-7",
      amount_off: 700,
      currency: "USD",
      duration: "repeating",
      duration_in_months: 3,
      max_redemptions: 50,
      redeem_by: redeemBy,
      metadata: { campaign: "winter" },
    });
    expect(amount).toMatchObject({
      id: "WINTER-7",
      amount_off: 700,
      currency: "usd",
      duration: "repeating",
      duration_in_months: 3,
      max_redemptions: 50,
      redeem_by: redeemBy,
      metadata: { campaign: "winter" },
    });
    // Without a duration, a coupon applies once.
    expect((await t.stripe.coupons.create({ percent_off: 10 })).duration).toBe("once");

    expect(await t.stripe.coupons.retrieve("WINTER-7")).toMatchObject({ id: "WINTER-7" });
    const listed = await t.stripe.coupons.list({ limit: 100 });
    expect(listed.data.map((coupon) => coupon.id)).toEqual(expect.arrayContaining(["WINTER-7", percent.id]));
    expect(await t.stripe.coupons.update("WINTER-7", { name: "Winter" })).toMatchObject({ name: "Winter" });

    expect(await t.stripe.coupons.del("WINTER-7")).toEqual({ id: "WINTER-7", object: "coupon", deleted: true });
    expect(await caught(t.stripe.coupons.retrieve("WINTER-7"))).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
  });

  it.each([
    ["both kinds of discount", { percent_off: 10, amount_off: 100, currency: "usd" }, "percent_off", undefined],
    ["no discount", { duration: "once" as const }, "percent_off", undefined],
    ["an amount without a currency", { amount_off: 100 }, "currency", "parameter_missing"],
    ["more than 100 percent", { percent_off: 120 }, "percent_off", "parameter_invalid"],
    [
      "repeating without months",
      { percent_off: 10, duration: "repeating" as const },
      "duration_in_months",
      "parameter_missing",
    ],
    [
      "months without repeating",
      { percent_off: 10, duration: "once" as const, duration_in_months: 2 },
      "duration_in_months",
      "parameter_invalid",
    ],
    ["an unknown duration", { percent_off: 10, duration: "weekly" }, "duration", "parameter_invalid"],
  ])("refuses %s, naming the parameter", async (_label, params, param, code) => {
    const error = await caught(t.stripe.coupons.create(params as Stripe.CouponCreateParams));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError", param });
    if (code) expect(error.code).toBe(code);
  });

  it("refuses a redeem_by in the past and an id already taken", async () => {
    expect(await caught(t.stripe.coupons.create({ percent_off: 5, redeem_by: (await now()) - 10 }))).toMatchObject({
      param: "redeem_by",
    });
    await t.stripe.coupons.create({ id: "TAKEN", percent_off: 5 });
    expect(await caught(t.stripe.coupons.create({ id: "TAKEN", percent_off: 5 }))).toMatchObject({
      statusCode: 400,
      code: "resource_already_exists",
      param: "id",
      message: "Coupon already exists.",
    });
  });
});

describe("promotion codes", () => {
  it("stand for a coupon, and are found by code whatever its case", async () => {
    const expiresAt = (await now()) + 7 * 86_400;
    const { coupon, promotion } = await offer(
      { amount_off: 700, currency: "usd", duration: "repeating", duration_in_months: 3 },
      { code: "Summer-5", max_redemptions: 10, expires_at: expiresAt, metadata: { plan: "monthly" } },
    );
    expect(promotion.id).toMatch(/^promo_/);
    expect(promotion).toMatchObject({
      object: "promotion_code",
      code: "Summer-5",
      active: true,
      promotion: { type: "coupon", coupon: coupon.id },
      customer: null,
      expires_at: expiresAt,
      max_redemptions: 10,
      times_redeemed: 0,
      metadata: { plan: "monthly" },
      restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
    });

    const found = await t.stripe.promotionCodes.list({
      code: "SUMMER-5",
      active: true,
      expand: ["data.promotion.coupon"],
    });
    expect(found.data).toHaveLength(1);
    expect(found.data[0]!.id).toBe(promotion.id);
    expect(expanded(found.data[0]!.promotion.coupon)).toMatchObject({ id: coupon.id, amount_off: 700 });
    expect((await t.stripe.promotionCodes.list({ code: "WINTER-5" })).data).toEqual([]);
    expect(await t.stripe.promotionCodes.retrieve(promotion.id)).toMatchObject({ code: "Summer-5" });

    // The seeded offers are there after a reset too.
    const seeded = await t.stripe.promotionCodes.list({ code: "spring-5" });
    expect(seeded.data[0]).toMatchObject({ code: "SPRING-5", promotion: { coupon: "spring-5" } });
  });

  it("refuses an active code taken already, a code with odd characters, and an unknown coupon", async () => {
    const coupon = await t.stripe.coupons.create({ percent_off: 10 });
    await t.stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id }, code: "TWICE" });
    expect(
      await caught(t.stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id }, code: "twice" })),
    ).toMatchObject({ code: "resource_already_exists", param: "code" });
    expect(
      await caught(
        t.stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id }, code: "no spaces!" }),
      ),
    ).toMatchObject({ statusCode: 400, param: "code" });
    expect(
      await caught(t.stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: "nope" }, code: "ANY" })),
    ).toMatchObject({ statusCode: 400, code: "resource_missing", param: "promotion[coupon]" });
    expect(
      await caught(t.stripe.promotionCodes.create({ promotion: { type: "coupon", coupon: coupon.id }, expires_at: 1 })),
    ).toMatchObject({ param: "expires_at" });
  });

  it("turn inactive when switched off, expired or used up, and only the first comes back", async () => {
    const { promotion } = await offer({ percent_off: 10 }, { code: "OFFON" });
    expect(await t.stripe.promotionCodes.update(promotion.id, { active: false })).toMatchObject({ active: false });
    expect((await t.stripe.promotionCodes.list({ code: "OFFON", active: true })).data).toEqual([]);
    expect((await t.stripe.promotionCodes.list({ code: "OFFON", active: false })).data).toHaveLength(1);
    expect(await t.stripe.promotionCodes.update(promotion.id, { active: true })).toMatchObject({ active: true });

    const expiring = await offer({ percent_off: 10 }, { code: "SOON", expires_at: (await now()) + 3600 });
    await advance(3601);
    expect(await t.stripe.promotionCodes.retrieve(expiring.promotion.id)).toMatchObject({ active: false });
    expect(await caught(t.stripe.promotionCodes.update(expiring.promotion.id, { active: true }))).toMatchObject({
      param: "active",
    });
  });
});

describe("Checkout refuses codes Stripe refuses", () => {
  it("an unknown promotion code or coupon is a 400 resource_missing naming the discount", async () => {
    const error = await caught(sessionWith({ discounts: [{ promotion_code: "promo_nope" }] }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      type: "StripeInvalidRequestError",
      code: "resource_missing",
      param: "discounts[0][promotion_code]",
      message: "No such promotion code: 'promo_nope'",
    });
    expect(await caught(sessionWith({ discounts: [{ coupon: "nope" }] }))).toMatchObject({
      statusCode: 400,
      code: "resource_missing",
      param: "discounts[0][coupon]",
      message: "No such coupon: 'nope'",
    });
  });

  it("an expired or used-up code is coupon_expired; a switched-off one is refused too", async () => {
    const expiring = await offer({ percent_off: 10 }, { code: "GONE", expires_at: (await now()) + 60 });
    await advance(61);
    expect(await caught(sessionWith({ discounts: [{ promotion_code: expiring.promotion.id }] }))).toMatchObject({
      statusCode: 400,
      code: "coupon_expired",
      param: "discounts[0][promotion_code]",
      message: "The promotion code GONE has expired.",
      doc_url: "https://stripe.com/docs/error-codes/coupon-expired",
    });

    const once = await offer({ percent_off: 10 }, { code: "ONCE-ONLY", max_redemptions: 1 });
    const first = await sessionWith({ discounts: [{ promotion_code: once.promotion.id }] });
    expect((await payCheckout(first.url!, undefined, "first@example.com")).status).toBe(303);
    expect(await t.stripe.promotionCodes.retrieve(once.promotion.id)).toMatchObject({
      times_redeemed: 1,
      active: false,
    });
    expect(await caught(sessionWith({ discounts: [{ promotion_code: once.promotion.id }] }))).toMatchObject({
      code: "coupon_expired",
      param: "discounts[0][promotion_code]",
      message: "The promotion code ONCE-ONLY has been redeemed the maximum number of times.",
    });

    const off = await offer({ percent_off: 10 }, { code: "SWITCHED-OFF" });
    await t.stripe.promotionCodes.update(off.promotion.id, { active: false });
    expect(await caught(sessionWith({ discounts: [{ promotion_code: off.promotion.id }] }))).toMatchObject({
      statusCode: 400,
      param: "discounts[0][promotion_code]",
      message: "The promotion code SWITCHED-OFF is inactive.",
    });

    const redeemBy = await t.stripe.coupons.create({ percent_off: 10, redeem_by: (await now()) + 60 });
    await advance(61);
    expect(await caught(sessionWith({ discounts: [{ coupon: redeemBy.id }] }))).toMatchObject({
      code: "coupon_expired",
      param: "discounts[0][coupon]",
      message: `Coupon expired: ${redeemBy.id}`,
    });
  });

  it("a discount together with allow_promotion_codes, or a first-time code for a customer who paid before", async () => {
    const { promotion } = await offer(
      { percent_off: 10 },
      { code: "NEWCOMERS", restrictions: { first_time_transaction: true } },
    );
    expect(
      await caught(sessionWith({ allow_promotion_codes: true, discounts: [{ promotion_code: promotion.id }] })),
    ).toMatchObject({
      statusCode: 400,
      param: "allow_promotion_codes",
      message: "You may only specify one of these parameters: allow_promotion_codes, discounts.",
    });
    const customer = await t.stripe.customers.create({ email: "paid-before@example.com" });
    const paid = await sessionWith({}, customer.id);
    expect((await payCheckout(paid.url!)).status).toBe(303);
    expect(await caught(sessionWith({ discounts: [{ promotion_code: promotion.id }] }, customer.id))).toMatchObject({
      param: "discounts[0][promotion_code]",
      message: "This promotion code cannot be redeemed because the associated customer has prior transactions.",
    });
  });
});

describe("discounts", () => {
  it("take a repeating coupon off the first invoice and the renewals within its months, then stop", async () => {
    const spring = (await t.stripe.promotionCodes.list({ code: "SPRING-5" })).data[0]!;
    const session = await sessionWith({ discounts: [{ promotion_code: spring.id }] });
    expect(session).toMatchObject({
      amount_subtotal: 1200,
      amount_total: 500,
      total_details: { amount_discount: 700 },
      discounts: [{ coupon: "spring-5", promotion_code: spring.id }],
    });
    expect((await payCheckout(session.url!, undefined, "spring@example.com")).status).toBe(303);

    const completed = await t.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["subscription.latest_invoice"],
    });
    const subscription = expanded(completed.subscription);
    expect(subscription.discounts).toHaveLength(1);
    const first = expanded(subscription.latest_invoice);
    expect(first).toMatchObject({ subtotal: 1200, total: 500, amount_due: 500, amount_paid: 500, status: "paid" });
    const discountId = subscription.discounts[0] as string;
    expect(first.total_discount_amounts).toEqual([{ amount: 700, discount: discountId }]);
    expect(first.lines.data[0]).toMatchObject({
      amount: 1200,
      discount_amounts: [{ amount: 700, discount: discountId }],
    });

    const withDiscount = await t.stripe.subscriptions.retrieve(subscription.id, {
      expand: ["discounts.source.coupon", "discounts.promotion_code"],
    });
    const discount = withDiscount.discounts[0] as Stripe.Discount;
    expect(discount).toMatchObject({
      object: "discount",
      subscription: subscription.id,
      checkout_session: session.id,
      source: { type: "coupon", coupon: { id: "spring-5", amount_off: 700 } },
      promotion_code: { id: spring.id, code: "SPRING-5", times_redeemed: 1 },
    });
    expect(discount.end).toBeGreaterThan(discount.start + 88 * 86_400);
    expect(await t.stripe.coupons.retrieve("spring-5")).toMatchObject({ times_redeemed: 1 });

    // Four months on: renewals at one and two months are discounted, the one at three is not.
    await advance(4 * 31 * 86_400);
    const invoices = (await t.stripe.invoices.list({ subscription: subscription.id })).data.reverse();
    expect(invoices.map((invoice) => invoice.amount_paid)).toEqual([500, 500, 500, 1200, 1200]);
    expect((await t.stripe.subscriptions.retrieve(subscription.id)).discounts).toEqual([]);
  });

  it("spends a once coupon on the first invoice, and keeps a forever one", async () => {
    const once = await t.stripe.coupons.create({ percent_off: 50, duration: "once" });
    const forever = await t.stripe.coupons.create({ percent_off: 25, duration: "forever" });
    const first = await sessionWith({ discounts: [{ coupon: once.id }] });
    const second = await sessionWith({ discounts: [{ coupon: forever.id }] });
    await payCheckout(first.url!, undefined, "once@example.com");
    await payCheckout(second.url!, undefined, "forever@example.com");
    await advance(2 * 31 * 86_400);
    const paidFor = async (sessionId: string) => {
      const subscription = (await t.stripe.checkout.sessions.retrieve(sessionId)).subscription as string;
      return (await t.stripe.invoices.list({ subscription })).data.reverse().map((invoice) => invoice.amount_paid);
    };
    expect(await paidFor(first.id)).toEqual([600, 1200, 1200]);
    expect(await paidFor(second.id)).toEqual([900, 900, 900]);
  });
});

describe("the hosted page's promotion code field", () => {
  async function submitCode(url: string, code: string): Promise<Response> {
    return fetch(url, {
      method: "POST",
      body: new URLSearchParams({ action: "apply", promotionCode: code }),
      redirect: "manual",
    });
  }

  it("is there only when the session allows codes, and applies one the buyer types", async () => {
    const plain = await sessionWith({});
    expect(await (await fetch(plain.url!)).text()).not.toContain('id="promotionCode"');

    const session = await sessionWith({ allow_promotion_codes: true });
    const page = await (await fetch(session.url!)).text();
    expect(page).toContain('<label for="promotionCode">Promotion code</label>');
    expect(page).toContain("Due today: <strong>$12.00</strong>");

    const unknown = await submitCode(session.url!, "NO-SUCH-CODE");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<p role="alert" id="promotionCodeError">This code is invalid.</p>');

    const applied = await submitCode(session.url!, "spring-5");
    expect(applied.status).toBe(303);
    const discounted = await (await fetch(session.url!)).text();
    expect(discounted).toContain("SPRING-5: $7.00 off for 3 months");
    expect(discounted).toContain("Due today: <strong>$5.00</strong>");
    expect(await t.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      amount_total: 500,
      discounts: [{ coupon: "spring-5" }],
    });

    expect((await payCheckout(session.url!, undefined, "typed@example.com")).status).toBe(303);
    const paid = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["invoice"] });
    expect(expanded(paid.invoice)).toMatchObject({ amount_paid: 500 });
  });

  it("says why a known code cannot be used", async () => {
    const { promotion } = await offer({ percent_off: 10 }, { code: "SHORT-LIVED", expires_at: (await now()) + 60 });
    await advance(61);
    const session = await sessionWith({ allow_promotion_codes: true });
    const refused = await submitCode(session.url!, promotion.code);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("The promotion code SHORT-LIVED has expired.");
    // The trial offer's code is for Folio's offer links, not for this field.
    const trialCode = await submitCode(session.url!, "READ-30");
    expect(await trialCode.text()).toContain("requires a minimum amount");
  });
});
