// The emulator's public surface, for Folio's launcher and tests.
export { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from "./start-stripe-emulator";
export { stripeSignatureHeader } from "./sign-webhook-payload";
export type { DeliveryAttempt } from "./webhook-sender";
