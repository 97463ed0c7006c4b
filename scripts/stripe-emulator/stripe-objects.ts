// The shapes of the objects the emulator stores and returns. Each one picks
// its fields from the SDK's own type, so a field with the wrong name or type
// fails the type check instead of surprising the app at run time. Fields
// that hold another object hold its id here (the unexpanded form), and
// decimal fields are the strings Stripe sends on the wire.
import type Stripe from "stripe";

export type Metadata = Record<string, string>;

export type ListObject<T> = { object: "list"; data: T[]; has_more: boolean; url: string };

export type CustomerObject = Pick<
  Stripe.Customer,
  | "id"
  | "object"
  | "address"
  | "balance"
  | "created"
  | "currency"
  | "default_source"
  | "delinquent"
  | "description"
  | "email"
  | "invoice_prefix"
  | "invoice_settings"
  | "livemode"
  | "metadata"
  | "name"
  | "phone"
  | "preferred_locales"
  | "shipping"
  | "tax_exempt"
  | "test_clock"
>;

export type DeletedCustomerObject = Pick<Stripe.DeletedCustomer, "id" | "object" | "deleted">;

export type ProductObject = Pick<
  Stripe.Product,
  | "id"
  | "object"
  | "active"
  | "created"
  | "description"
  | "images"
  | "livemode"
  | "marketing_features"
  | "metadata"
  | "name"
  | "package_dimensions"
  | "shippable"
  | "statement_descriptor"
  | "type"
  | "unit_label"
  | "updated"
  | "url"
> & { default_price: string | null; tax_code: string | null };

export type PriceObject = Pick<
  Stripe.Price,
  | "id"
  | "object"
  | "active"
  | "billing_scheme"
  | "created"
  | "currency"
  | "custom_unit_amount"
  | "livemode"
  | "lookup_key"
  | "metadata"
  | "nickname"
  | "recurring"
  | "tax_behavior"
  | "tiers_mode"
  | "transform_quantity"
  | "type"
  | "unit_amount"
> & { product: string; unit_amount_decimal: string };

/** The legacy `plan` that Stripe still puts on every subscription item. */
export type PlanObject = Pick<
  Stripe.Plan,
  | "id"
  | "object"
  | "active"
  | "amount"
  | "billing_scheme"
  | "created"
  | "currency"
  | "interval"
  | "interval_count"
  | "livemode"
  | "metadata"
  | "nickname"
  | "tiers_mode"
  | "transform_usage"
  | "trial_period_days"
  | "usage_type"
> & { product: string; amount_decimal: string; meter: string | null };

export type SubscriptionItemObject = Pick<
  Stripe.SubscriptionItem,
  | "id"
  | "object"
  | "billing_thresholds"
  | "created"
  | "current_period_end"
  | "current_period_start"
  | "current_trial"
  | "discounts"
  | "metadata"
  | "quantity"
  | "subscription"
  | "tax_rates"
> & { price: PriceObject; plan: PlanObject };

export type SubscriptionObject = Pick<
  Stripe.Subscription,
  | "id"
  | "object"
  | "application"
  | "billing_cycle_anchor"
  | "cancel_at"
  | "cancel_at_period_end"
  | "canceled_at"
  | "cancellation_details"
  | "collection_method"
  | "created"
  | "currency"
  | "days_until_due"
  | "default_payment_method"
  | "description"
  | "discounts"
  | "ended_at"
  | "livemode"
  | "metadata"
  | "pause_collection"
  | "pending_update"
  | "schedule"
  | "start_date"
  | "status"
  | "test_clock"
  | "trial_end"
  | "trial_start"
> & { customer: string; items: ListObject<SubscriptionItemObject>; latest_invoice: string | null };

export type InvoiceLineItemObject = Pick<
  Stripe.InvoiceLineItem,
  | "id"
  | "object"
  | "amount"
  | "currency"
  | "description"
  | "discount_amounts"
  | "discountable"
  | "discounts"
  | "invoice"
  | "livemode"
  | "metadata"
  | "parent"
  | "period"
  | "pretax_credit_amounts"
  | "quantity"
  | "subtotal"
  | "taxes"
> & {
  pricing: { type: "price_details"; price_details: { price: string; product: string }; unit_amount_decimal: string };
};

export type InvoiceObject = Pick<
  Stripe.Invoice,
  | "id"
  | "object"
  | "account_country"
  | "account_name"
  | "amount_due"
  | "amount_overpaid"
  | "amount_paid"
  | "amount_remaining"
  | "amount_shipping"
  | "attempt_count"
  | "attempted"
  | "auto_advance"
  | "billing_reason"
  | "collection_method"
  | "created"
  | "currency"
  | "customer_email"
  | "customer_name"
  | "description"
  | "discounts"
  | "due_date"
  | "effective_at"
  | "ending_balance"
  | "hosted_invoice_url"
  | "invoice_pdf"
  | "livemode"
  | "metadata"
  | "next_payment_attempt"
  | "number"
  | "period_end"
  | "period_start"
  | "starting_balance"
  | "status"
  | "status_transitions"
  | "subtotal"
  | "total"
  | "total_discount_amounts"
  | "webhooks_delivered_at"
> & {
  customer: string;
  lines: ListObject<InvoiceLineItemObject>;
  parent: {
    type: "subscription_details";
    quote_details: null;
    subscription_details: { subscription: string; metadata: Metadata };
  };
};

export type CheckoutLineItemObject = Pick<
  Stripe.LineItem,
  | "id"
  | "object"
  | "amount_discount"
  | "amount_subtotal"
  | "amount_tax"
  | "amount_total"
  | "currency"
  | "description"
  | "quantity"
> & { price: PriceObject };

export type CheckoutSessionObject = Pick<
  Stripe.Checkout.Session,
  | "id"
  | "object"
  | "allow_promotion_codes"
  | "amount_subtotal"
  | "amount_total"
  | "cancel_url"
  | "client_reference_id"
  | "created"
  | "currency"
  | "customer_details"
  | "customer_email"
  | "discounts"
  | "expires_at"
  | "livemode"
  | "locale"
  | "metadata"
  | "mode"
  | "payment_intent"
  | "payment_method_types"
  | "payment_status"
  | "setup_intent"
  | "status"
  | "success_url"
  | "total_details"
  | "ui_mode"
  | "url"
> & { customer: string | null; subscription: string | null; invoice: string | null };

export type PortalSessionObject = Pick<
  Stripe.BillingPortal.Session,
  | "id"
  | "object"
  | "created"
  | "customer"
  | "customer_account"
  | "flow"
  | "livemode"
  | "locale"
  | "on_behalf_of"
  | "return_url"
  | "url"
> & { configuration: string };

export type CouponObject = Pick<
  Stripe.Coupon,
  | "id"
  | "object"
  | "amount_off"
  | "created"
  | "currency"
  | "duration"
  | "duration_in_months"
  | "livemode"
  | "max_redemptions"
  | "metadata"
  | "name"
  | "percent_off"
  | "redeem_by"
  | "times_redeemed"
  | "valid"
>;

export type DeletedCouponObject = Pick<Stripe.DeletedCoupon, "id" | "object" | "deleted">;

/**
 * Since the 2025-09-30 API version a promotion code names its coupon under
 * `promotion`, no longer as a top-level `coupon`.
 */
export type PromotionCodeObject = Pick<
  Stripe.PromotionCode,
  | "id"
  | "object"
  | "active"
  | "code"
  | "created"
  | "customer_account"
  | "expires_at"
  | "livemode"
  | "max_redemptions"
  | "metadata"
  | "times_redeemed"
> & {
  customer: string | null;
  promotion: { type: "coupon"; coupon: string };
  restrictions: {
    first_time_transaction: boolean;
    minimum_amount: number | null;
    minimum_amount_currency: string | null;
  };
};

/** A coupon or promotion code applied to a subscription: what invoices are discounted by. */
export type DiscountObject = Pick<
  Stripe.Discount,
  | "id"
  | "object"
  | "checkout_session"
  | "customer_account"
  | "end"
  | "invoice"
  | "invoice_item"
  | "start"
  | "subscription"
  | "subscription_item"
> & {
  customer: string | null;
  promotion_code: string | null;
  source: { type: "coupon"; coupon: string };
};

/** Objects that events carry and that `expand[]` can fetch by id. */
export type StripeObject =
  | CouponObject
  | DeletedCouponObject
  | PromotionCodeObject
  | DiscountObject
  | CustomerObject
  | DeletedCustomerObject
  | ProductObject
  | PriceObject
  | SubscriptionObject
  | InvoiceObject
  | CheckoutSessionObject
  | PortalSessionObject;

export type EventObject = Pick<
  Stripe.Event,
  "id" | "object" | "api_version" | "created" | "livemode" | "pending_webhooks" | "request"
> & {
  type: Stripe.Event.Type;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
};
