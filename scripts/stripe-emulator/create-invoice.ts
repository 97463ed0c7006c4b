// Builds a finalized subscription invoice, paid or left open. Since 2025 an
// invoice names its subscription under `parent.subscription_details`, and
// each line its price under `pricing.price_details`; apps that read the old
// top-level `invoice.subscription` find nothing, as against real Stripe.
// The subscription's current discounts (subscription-discounts.ts) come off
// the lines they may discount (not prorations): each line keeps its full
// `amount` and says what came off in `discount_amounts`, and the invoice's
// `total` is its `subtotal` less `total_discount_amounts`.
import type Stripe from "stripe";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer, type EmulatorState } from "./emulator-state";
import { newId } from "./new-id";
import { couponDiscount } from "./offer-rules";
import { lineDescription } from "./price-labels";
import type {
  DiscountObject,
  InvoiceLineItemObject,
  InvoiceObject,
  PriceObject,
  SubscriptionObject,
} from "./stripe-objects";
import { spendOnceDiscounts } from "./subscription-discounts";

export type InvoiceLine = {
  price: PriceObject;
  quantity: number;
  amount: number;
  description: string;
  period: { start: number; end: number };
  proration: boolean;
  subscriptionItem: string;
};

/** The invoice line that charges a subscription item for its current period. */
export function periodLine(
  state: EmulatorState,
  item: { id: string; current_period_start: number; current_period_end: number },
  price: PriceObject,
  quantity: number,
): InvoiceLine {
  return {
    price,
    quantity,
    amount: (price.unit_amount ?? 0) * quantity,
    description: lineDescription(state, price, quantity),
    period: { start: item.current_period_start, end: item.current_period_end },
    proration: false,
    subscriptionItem: item.id,
  };
}

export type InvoiceInput = {
  subscription: SubscriptionObject;
  lines: InvoiceLine[];
  billingReason: Stripe.Invoice.BillingReason;
  paid: boolean;
  created: number;
  period: { start: number; end: number };
  /** What comes off the discountable lines (currentDiscounts); none when absent. */
  discounts?: DiscountObject[];
};

type DiscountAmount = { amount: number; discount: string };

/** What each discount takes off one line, in turn, never below zero. */
function lineDiscounts(state: EmulatorState, line: InvoiceLine, discounts: DiscountObject[]): DiscountAmount[] {
  if (line.proration || line.amount <= 0) return [];
  let left = line.amount;
  return discounts.map((discount) => {
    const coupon = state.coupons[discount.source.coupon];
    const amount = coupon ? Math.min(left, couponDiscount(coupon, line.amount)) : 0;
    left -= amount;
    return { amount, discount: discount.id };
  });
}

function lineItem(
  invoiceId: string,
  subscriptionId: string,
  line: InvoiceLine,
  discountAmounts: DiscountAmount[],
): InvoiceLineItemObject {
  return {
    id: newId("il"),
    object: "line_item",
    amount: line.amount,
    currency: line.price.currency,
    description: line.description,
    discount_amounts: discountAmounts,
    discountable: !line.proration,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: line.proration,
        proration_details: { credited_items: null },
        subscription: subscriptionId,
        subscription_item: line.subscriptionItem,
      },
    },
    period: line.period,
    pretax_credit_amounts: [],
    pricing: {
      type: "price_details",
      price_details: { price: line.price.id, product: line.price.product },
      unit_amount_decimal: line.price.unit_amount_decimal,
    },
    quantity: line.quantity,
    subtotal: line.amount,
    taxes: [],
  };
}

export function createInvoice(core: EmulatorCore, input: InvoiceInput): InvoiceObject {
  const { state } = core;
  const id = newId("in");
  const subscription = input.subscription;
  const customer = liveCustomer(state, subscription.customer);
  const discounts = input.discounts ?? [];
  const perLine = input.lines.map((line) => lineDiscounts(state, line, discounts));
  const totalDiscounts = discounts.map((discount) => ({
    discount: discount.id,
    amount: perLine.flat().reduce((sum, entry) => sum + (entry.discount === discount.id ? entry.amount : 0), 0),
  }));
  const subtotal = Math.max(
    0,
    input.lines.reduce((sum, line) => sum + line.amount, 0),
  );
  const discounted = totalDiscounts.reduce((sum, entry) => sum + entry.amount, 0);
  const total = Math.max(0, subtotal - discounted);
  state.invoiceCount += 1;
  const invoice: InvoiceObject = {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Folio",
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: input.paid ? total : 0,
    amount_remaining: input.paid ? 0 : total,
    amount_shipping: 0,
    attempt_count: 1,
    attempted: true,
    auto_advance: !input.paid,
    billing_reason: input.billingReason,
    collection_method: "charge_automatically",
    created: input.created,
    currency: subscription.currency,
    customer: subscription.customer,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    description: null,
    discounts: discounts.map((discount) => discount.id),
    due_date: null,
    effective_at: input.created,
    ending_balance: 0,
    hosted_invoice_url: null,
    invoice_pdf: null,
    lines: {
      object: "list",
      data: input.lines.map((line, index) => lineItem(id, subscription.id, line, perLine[index]!)),
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
    },
    livemode: false,
    metadata: {},
    // Stripe retries a failed renewal charge after a few days.
    next_payment_attempt: input.paid ? null : input.created + 3 * 86_400,
    number: `${customer?.invoice_prefix ?? "EMULATOR"}-${String(state.invoiceCount).padStart(4, "0")}`,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { subscription: subscription.id, metadata: { ...subscription.metadata } },
    },
    period_end: input.period.end,
    period_start: input.period.start,
    starting_balance: 0,
    status: input.paid ? "paid" : "open",
    status_transitions: {
      finalized_at: input.created,
      marked_uncollectible_at: null,
      paid_at: input.paid ? input.created : null,
      voided_at: null,
    },
    subtotal,
    total,
    total_discount_amounts: totalDiscounts,
    webhooks_delivered_at: null,
  };
  state.invoices[id] = invoice;
  spendOnceDiscounts(core, subscription, totalDiscounts);
  return invoice;
}
