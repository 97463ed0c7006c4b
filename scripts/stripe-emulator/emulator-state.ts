// Everything the emulator knows, as one plain JSON-serialisable object so it
// can be written to the state file as is. Records keep insertion order
// (the ids are not integer-like), which is creation order: lists read them
// backwards to answer newest first, as Stripe does.
import type {
  CheckoutLineItemObject,
  CheckoutSessionObject,
  CouponObject,
  CustomerObject,
  DiscountObject,
  DeletedCustomerObject,
  EventObject,
  InvoiceObject,
  Metadata,
  PortalSessionObject,
  PriceObject,
  ProductObject,
  PromotionCodeObject,
  SubscriptionObject,
} from "./stripe-objects";

/**
 * What a Checkout Session needs at completion but does not show in its own
 * shape: its line items, `subscription_data.metadata`, and the trial it
 * starts (`subscription_data.trial_period_days` or `trial_end`).
 */
export type CheckoutSessionDetails = {
  lineItems: CheckoutLineItemObject[];
  subscriptionMetadata: Metadata;
  trial?: { days: number } | { end: number };
};

export type EmulatorState = {
  version: 1;
  clockOffsetSeconds: number;
  invoiceCount: number;
  products: Record<string, ProductObject>;
  prices: Record<string, PriceObject>;
  /** Deleted ones stay, listed in deletedCoupons: the discounts made from them still need their terms. */
  coupons: Record<string, CouponObject>;
  deletedCoupons: string[];
  promotionCodes: Record<string, PromotionCodeObject>;
  discounts: Record<string, DiscountObject>;
  customers: Record<string, CustomerObject | DeletedCustomerObject>;
  checkoutSessions: Record<string, CheckoutSessionObject>;
  checkoutSessionDetails: Record<string, CheckoutSessionDetails>;
  subscriptions: Record<string, SubscriptionObject>;
  invoices: Record<string, InvoiceObject>;
  portalSessions: Record<string, PortalSessionObject>;
  events: Record<string, EventObject>;
  /** Customers whose next renewal charge fails (a test control, used once). */
  failNextPayment: string[];
  /** `subscription:trial_end` of every trial whose `customer.subscription.trial_will_end` went out. */
  trialWillEndSent: string[];
};

export function emptyState(): EmulatorState {
  return {
    version: 1,
    clockOffsetSeconds: 0,
    invoiceCount: 0,
    products: {},
    prices: {},
    coupons: {},
    deletedCoupons: [],
    promotionCodes: {},
    discounts: {},
    customers: {},
    checkoutSessions: {},
    checkoutSessionDetails: {},
    subscriptions: {},
    invoices: {},
    portalSessions: {},
    events: {},
    failNextPayment: [],
    trialWillEndSent: [],
  };
}

/**
 * Clears what tests create but keeps the products and prices; in place, so
 * holders of the object see it. Coupons and promotion codes go too: the
 * caller seeds the catalogue's offers again, unredeemed (seed-catalogue.ts).
 */
export function resetState(state: EmulatorState): void {
  const { products, prices } = state;
  Object.assign(state, emptyState(), { products, prices });
}

/** The live (not deleted) customer with this id, or undefined. */
export function liveCustomer(state: EmulatorState, id: string): CustomerObject | undefined {
  const customer = state.customers[id];
  return customer && !("deleted" in customer) ? customer : undefined;
}

/** Newest first, as every Stripe list endpoint answers. */
export function newestFirst<T>(record: Record<string, T>): T[] {
  return Object.values(record).reverse();
}
