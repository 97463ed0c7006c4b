// Builds a finalized subscription invoice, paid or left open. Since 2025 an
// invoice names its subscription under `parent.subscription_details`, and
// each line its price under `pricing.price_details`; apps that read the old
// top-level `invoice.subscription` find nothing, as against real Stripe.
import type Stripe from "stripe";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer, type EmulatorState } from "./emulator-state";
import { newId } from "./new-id";
import { lineDescription } from "./price-labels";
import type { InvoiceLineItemObject, InvoiceObject, PriceObject, SubscriptionObject } from "./stripe-objects";

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
};

function lineItem(invoiceId: string, subscriptionId: string, line: InvoiceLine): InvoiceLineItemObject {
  return {
    id: newId("il"),
    object: "line_item",
    amount: line.amount,
    currency: line.price.currency,
    description: line.description,
    discount_amounts: [],
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
  const total = Math.max(
    0,
    input.lines.reduce((sum, line) => sum + line.amount, 0),
  );
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
    discounts: [],
    due_date: null,
    effective_at: input.created,
    ending_balance: 0,
    hosted_invoice_url: null,
    invoice_pdf: null,
    lines: {
      object: "list",
      data: input.lines.map((line) => lineItem(id, subscription.id, line)),
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
    subtotal: total,
    total,
    webhooks_delivered_at: null,
  };
  state.invoices[id] = invoice;
  return invoice;
}
