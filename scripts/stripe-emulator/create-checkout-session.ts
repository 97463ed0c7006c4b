// A new Checkout Session in subscription mode, validated as Stripe
// validates it (mode, one recurring active price with a quantity, customer or
// customer_email but not both, a discount or allow_promotion_codes but not
// both, a redeemable coupon or promotion code, a trial of a day or more).
// What completion needs but the session does not show (its line items,
// subscription_data.metadata, the trial) is kept beside it.
import type { EmulatorCore } from "./emulator-core";
import type { CheckoutSessionDetails } from "./emulator-state";
import { liveCustomer } from "./emulator-state";
import { newId } from "./new-id";
import { productName } from "./price-labels";
import {
  mergeMetadata,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
  type Params,
} from "./request-params";
import { invalidParam, missingParam, noSuchResource } from "./stripe-error";
import type { CheckoutLineItemObject, CheckoutSessionObject, PriceObject } from "./stripe-objects";
import { sessionAmounts, sessionDiscount, type SessionDiscount } from "./session-discount";

const DAY_SECONDS = 86_400;
// Stripe's limits: a trial is at least a day, at most two years, and a
// trial_end given to Checkout is at least 48 hours away.
const MAX_TRIAL_DAYS = 730;

function trialOf(core: EmulatorCore, params: Params): CheckoutSessionDetails["trial"] {
  const days = optionalInteger(params, "subscription_data[trial_period_days]");
  const end = optionalInteger(params, "subscription_data[trial_end]");
  if (days !== undefined && end !== undefined) {
    throw invalidParam(
      "subscription_data[trial_end]",
      "You may only specify one of these parameters: trial_end, trial_period_days.",
    );
  }
  if (days !== undefined) {
    if (days < 1 || days > MAX_TRIAL_DAYS) {
      throw invalidParam(
        "subscription_data[trial_period_days]",
        `trial_period_days must be at least 1 and at most ${MAX_TRIAL_DAYS}.`,
        "parameter_invalid_integer",
      );
    }
    return { days };
  }
  if (end !== undefined) {
    const now = core.clock.now();
    if (end < now + 2 * DAY_SECONDS)
      throw invalidParam("subscription_data[trial_end]", "trial_end must be at least 48 hours in the future.");
    if (end > now + MAX_TRIAL_DAYS * DAY_SECONDS)
      throw invalidParam("subscription_data[trial_end]", "trial_end can be at most two years in the future.");
    return { end };
  }
  return undefined;
}

function optionalUrl(params: Params, name: string): string | null {
  const value = optionalString(params, name);
  if (value === undefined || value === "") return null;
  // `{CHECKOUT_SESSION_ID}` is not valid in a URL as is, so check with it filled in.
  if (!URL.canParse(value.replaceAll("{CHECKOUT_SESSION_ID}", "cs_x")))
    throw invalidParam(name, "Not a valid URL", "url_invalid");
  return value;
}

function lineItem(core: EmulatorCore, params: Params): { price: PriceObject; quantity: number } {
  if (params.line_items === undefined) throw missingParam("line_items");
  if (optionalString(params, "line_items[1][price]") !== undefined) {
    throw invalidParam("line_items[1]", "The Stripe emulator supports one line item per Checkout Session.");
  }
  const priceId = requiredString(params, "line_items[0][price]");
  const quantity = optionalInteger(params, "line_items[0][quantity]");
  if (quantity === undefined) throw missingParam("line_items[0][quantity]");
  if (quantity < 1)
    throw invalidParam("line_items[0][quantity]", "Quantity must be at least 1.", "parameter_invalid_integer");
  const price = core.state.prices[priceId];
  if (!price) throw noSuchResource("price", priceId, "line_items[0][price]");
  if (!price.active)
    throw invalidParam(
      "line_items[0][price]",
      "The price specified is inactive. This field only accepts active prices.",
    );
  if (!price.recurring)
    throw invalidParam("line_items[0][price]", "`mode=subscription` requires at least one recurring price.");
  return { price, quantity };
}

export function createCheckoutSession(core: EmulatorCore, params: Params): CheckoutSessionObject {
  const mode = requiredString(params, "mode");
  if (mode !== "subscription") throw invalidParam("mode", "The Stripe emulator supports only mode=subscription.");
  const customer = optionalString(params, "customer") || null;
  const customerEmail = optionalString(params, "customer_email") || null;
  if (customer && customerEmail) {
    throw invalidParam("customer_email", "You may only specify one of these parameters: customer, customer_email.");
  }
  if (customer && !liveCustomer(core.state, customer)) throw noSuchResource("customer", customer, "customer");
  const clientReferenceId = optionalString(params, "client_reference_id") || null;
  if (clientReferenceId && clientReferenceId.length > 200) {
    throw invalidParam("client_reference_id", "client_reference_id must be at most 200 characters.");
  }
  const { price, quantity } = lineItem(core, params);
  const amount = (price.unit_amount ?? 0) * quantity;
  const allowPromotionCodes = optionalBoolean(params, "allow_promotion_codes");
  if (allowPromotionCodes && params.discounts !== undefined) {
    throw invalidParam(
      "allow_promotion_codes",
      "You may only specify one of these parameters: allow_promotion_codes, discounts.",
    );
  }
  const trial = trialOf(core, params);
  const discount: SessionDiscount | null = sessionDiscount(core, params, {
    customer,
    amount,
    currency: price.currency,
  });
  const totals = sessionAmounts(core, amount, trial !== undefined, discount);
  const now = core.clock.now();
  const id = newId("cs_test", 58);
  const line: CheckoutLineItemObject = {
    id: newId("li"),
    object: "item",
    amount_discount: totals.discount,
    amount_subtotal: totals.subtotal,
    amount_tax: 0,
    amount_total: totals.total,
    currency: price.currency,
    description: productName(core.state, price),
    price: structuredClone(price),
    quantity,
  };
  const session: CheckoutSessionObject = {
    id,
    object: "checkout.session",
    allow_promotion_codes: allowPromotionCodes ?? null,
    amount_subtotal: totals.subtotal,
    amount_total: totals.total,
    cancel_url: optionalUrl(params, "cancel_url"),
    client_reference_id: clientReferenceId,
    created: now,
    currency: price.currency,
    customer,
    customer_details: null,
    customer_email: customerEmail,
    discounts: discount ? [discount] : [],
    expires_at: now + 24 * 3600,
    invoice: null,
    livemode: false,
    locale: null,
    metadata: mergeMetadata({}, params),
    mode: "subscription",
    payment_intent: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    setup_intent: null,
    status: "open",
    subscription: null,
    success_url: optionalUrl(params, "success_url"),
    total_details: { amount_discount: totals.discount, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: `${core.baseUrl}/checkout/${id}`,
  };
  core.state.checkoutSessions[id] = session;
  core.state.checkoutSessionDetails[id] = {
    lineItems: [line],
    subscriptionMetadata: mergeMetadata({}, params, "subscription_data[metadata]"),
    ...(trial ? { trial } : {}),
  };
  return session;
}
