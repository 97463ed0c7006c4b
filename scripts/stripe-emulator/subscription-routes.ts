// /v1/subscriptions: read, list, update (cancel at period end or at a time,
// resume, switch price, metadata) and cancel now. Subscriptions are only
// created by Checkout, as in Folio.
import { apiRoute } from "./api-route";
import type { EmulatorCore } from "./emulator-core";
import { newestFirst } from "./emulator-state";
import { expandObject } from "./expand-object";
import { listPage } from "./list-page";
import {
  expandList,
  mergeMetadata,
  optionalBoolean,
  optionalInteger,
  optionalString,
  type Params,
} from "./request-params";
import { expand, list, metadata, pagination, params, retrieveParams, value } from "./param-schemas";
import { invalidParam, noSuchResource } from "./stripe-error";
import {
  applyCancellation,
  applyPriceSwitch,
  assertNotCanceled,
  cancelNow,
  findSubscription,
  updateSubscription,
} from "./subscription-changes";
import type { InvoiceObject, SubscriptionObject } from "./stripe-objects";

const statuses = ["active", "past_due", "unpaid", "canceled", "incomplete", "incomplete_expired", "trialing", "paused"];

/** `cancel_at`: a timestamp, "" to clear, or the `max_period_end`/`min_period_end` keywords (one item: both are its period end). */
function cancelAtParam(params: Params): number | "period_end" | null | undefined {
  const raw = params.cancel_at;
  if (raw === undefined) return undefined;
  if (raw === "") return null;
  if (raw === "max_period_end" || raw === "min_period_end") return "period_end";
  return optionalInteger(params, "cancel_at");
}

function itemChange(core: EmulatorCore, params: Params): { itemId: string; priceId: string } | undefined {
  const itemId = optionalString(params, "items[0][id]");
  const priceId = optionalString(params, "items[0][price]");
  if (itemId === undefined && priceId === undefined) return undefined;
  if (!itemId)
    throw invalidParam("items[0][id]", "The Stripe emulator changes existing items only: pass items[0][id].");
  if (!priceId) throw invalidParam("items[0][price]", "Pass items[0][price] with the new price.");
  if (!core.state.prices[priceId]) throw noSuchResource("price", priceId, "items[0][price]");
  return { itemId, priceId };
}

/** Validates the parameters, then returns the change for updateSubscription to run. */
function changeFrom(core: EmulatorCore, subscription: SubscriptionObject, params: Params) {
  const cancelAtPeriodEnd = optionalBoolean(params, "cancel_at_period_end");
  const cancelAt = cancelAtParam(params);
  const item = itemChange(core, params);
  if (cancelAtPeriodEnd !== undefined || cancelAt !== undefined || item) assertNotCanceled(subscription);
  if (cancelAtPeriodEnd !== undefined && cancelAt !== undefined && cancelAt !== null) {
    throw invalidParam("cancel_at", "You may only specify one of these parameters: cancel_at, cancel_at_period_end.");
  }
  return (target: SubscriptionObject): InvoiceObject | undefined => {
    target.metadata = mergeMetadata(target.metadata, params);
    if (cancelAtPeriodEnd !== undefined) applyCancellation(core, target, cancelAtPeriodEnd ? "period_end" : null);
    if (cancelAt !== undefined) applyCancellation(core, target, cancelAt);
    return item ? applyPriceSwitch(core, target, item.itemId, core.state.prices[item.priceId]!) : undefined;
  };
}

const listParams = params(
  { customer: value, price: value, status: value, expand, ...pagination },
  {
    notEmulated: [
      "automatic_tax",
      "collection_method",
      "created",
      "current_period_end",
      "current_period_start",
      "customer_account",
      "plan",
      "test_clock",
    ],
  },
);
const updatedItem = params(
  { id: value, price: value },
  {
    notEmulated: [
      "billing_thresholds",
      "clear_usage",
      "current_trial",
      "deleted",
      "discounts",
      "metadata",
      "plan",
      "price_data",
      "quantity",
      "tax_rates",
    ],
  },
);
const updateParams = params(
  { cancel_at_period_end: value, cancel_at: value, items: list(updatedItem), metadata, expand },
  {
    notEmulated: [
      "add_invoice_items",
      "application_fee_percent",
      "automatic_tax",
      "billing_cycle_anchor",
      "billing_schedules",
      "billing_thresholds",
      "cancellation_details",
      "collection_method",
      "days_until_due",
      "default_payment_method",
      "default_source",
      "default_tax_rates",
      "description",
      "discounts",
      "invoice_settings",
      "off_session",
      "on_behalf_of",
      "pause_collection",
      "payment_behavior",
      "payment_settings",
      "pending_invoice_item_interval",
      "proration_behavior",
      "proration_date",
      "transfer_data",
      "trial_end",
      "trial_from_plan",
      "trial_settings",
    ],
  },
);
const cancelParams = params({ expand }, { notEmulated: ["cancellation_details", "invoice_now", "prorate"] });

export const subscriptionRoutes = [
  apiRoute("GET", "/v1/subscriptions", listParams, ({ core, params }) => {
    const customer = optionalString(params, "customer");
    const price = optionalString(params, "price");
    const status = optionalString(params, "status");
    if (status !== undefined && status !== "all" && status !== "ended" && !statuses.includes(status)) {
      throw invalidParam("status", `Invalid status: must be one of all, ended or ${statuses.join(", ")}`);
    }
    const subscriptions = newestFirst(core.state.subscriptions).filter(
      (subscription) =>
        (customer === undefined || subscription.customer === customer) &&
        (price === undefined || subscription.items.data.some((item) => item.price.id === price)) &&
        // Without a status filter Stripe leaves canceled subscriptions out.
        (status === "all" ||
          (status === undefined && subscription.status !== "canceled") ||
          (status === "ended" &&
            (subscription.status === "canceled" || subscription.status === "incomplete_expired")) ||
          subscription.status === status),
    );
    return expandObject(core.state, listPage(subscriptions, params, "/v1/subscriptions"), expandList(params));
  }),

  apiRoute("GET", "/v1/subscriptions/:id", retrieveParams, ({ core, params, ids }) =>
    expandObject(core.state, findSubscription(core, ids[0]!), expandList(params)),
  ),

  apiRoute("POST", "/v1/subscriptions/:id", updateParams, ({ core, params, ids, cause }) => {
    const subscription = findSubscription(core, ids[0]!);
    updateSubscription(core, subscription, cause, changeFrom(core, subscription, params));
    return expandObject(core.state, subscription, expandList(params));
  }),

  apiRoute("DELETE", "/v1/subscriptions/:id", cancelParams, ({ core, params, ids, cause }) => {
    const subscription = findSubscription(core, ids[0]!);
    cancelNow(core, subscription, cause);
    return expandObject(core.state, subscription, expandList(params));
  }),
];
