// A new customer in Stripe's shape, and the fields the API lets callers set
// on one. Used by POST /v1/customers and by Checkout, which creates the
// customer itself when the session named none.
import type { EmulatorCore } from "./emulator-core";
import { newId } from "./new-id";
import { mergeMetadata, optionalString, type Params } from "./request-params";
import type { CustomerObject } from "./stripe-objects";

const editableFields = ["email", "name", "description", "phone"] as const;

export function applyCustomerFields(customer: CustomerObject, params: Params): void {
  for (const field of editableFields) {
    const value = optionalString(params, field);
    // `field=` unsets it, as on Stripe.
    if (value !== undefined) customer[field] = value === "" ? null : value;
  }
  customer.metadata = mergeMetadata(customer.metadata, params);
}

export function createCustomer(core: EmulatorCore, params: Params): CustomerObject {
  const id = newId("cus", 14);
  const customer: CustomerObject = {
    id,
    object: "customer",
    address: null,
    balance: 0,
    created: core.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email: null,
    invoice_prefix: id.slice(4, 12).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
  applyCustomerFields(customer, params);
  core.state.customers[id] = customer;
  return customer;
}
