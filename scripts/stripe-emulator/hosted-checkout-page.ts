// The hosted Checkout page a Checkout Session's `url` points to: a card form
// that accepts Stripe's test cards. 4242 4242 4242 4242 pays and redirects
// to success_url; 4000 0000 0000 0002 is declined; any other number is
// invalid. Expiry and CVC are asked for, as on Stripe, but not checked.
// Above the form, the order: the plan, the trial and the discount, if any,
// and what is due today; when the session allows promotion codes, a field
// to type one (a form of its own, so Enter in the card form still pays).
import { completeCheckout } from "./complete-checkout";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer } from "./emulator-state";
import { escapeHtml, htmlPage, siteName, type PageResponse } from "./html-page";
import { couponTerms, formatAmount, longDate, planName, pricePerInterval, productName } from "./price-labels";
import { applyTypedCode, checkSessionDiscount, removeTypedCode } from "./session-discount";
import { StripeApiError } from "./stripe-error";
import type { CheckoutSessionObject } from "./stripe-objects";

const successCard = "4242424242424242";
const declinedCard = "4000000000000002";

type FormValues = { email: string; cardNumber: string; cardExpiry: string; cardCvc: string };

/** The email the customer pays as, and whether they may change it (not when the app chose it). */
function sessionEmail(core: EmulatorCore, session: CheckoutSessionObject): { email: string; fixed: boolean } {
  const customer = session.customer ? liveCustomer(core.state, session.customer) : undefined;
  if (customer) return { email: customer.email ?? "", fixed: customer.email !== null };
  if (session.customer_email) return { email: session.customer_email, fixed: true };
  return { email: "", fixed: false };
}

function field(id: keyof FormValues, label: string, value: string, extra: string): string {
  return `<label for="${id}">${label}</label>
<input id="${id}" name="${id}" value="${escapeHtml(value)}" ${extra}>`;
}

/** The order: plan, trial, discount, what is due today, and the promotion code field. */
function orderSummary(core: EmulatorCore, session: CheckoutSessionObject, codeError?: string): string {
  const details = core.state.checkoutSessionDetails[session.id]!;
  const line = details.lineItems[0]!;
  const currency = line.price.currency;
  const trial = details.trial;
  const trialLine = trial
    ? `<p class="offer">${"days" in trial ? `${trial.days} day${trial.days === 1 ? "" : "s"} free` : `Free until ${escapeHtml(longDate(trial.end))}`}, then ${escapeHtml(pricePerInterval(line.price))}</p>`
    : "";
  const discount = session.discounts?.[0];
  const couponId = typeof discount?.coupon === "string" ? discount.coupon : discount?.coupon?.id;
  const coupon = couponId ? core.state.coupons[couponId] : undefined;
  const promotionId = typeof discount?.promotion_code === "string" ? discount.promotion_code : undefined;
  const promotion = promotionId ? core.state.promotionCodes[promotionId] : undefined;
  const discountLine = coupon
    ? `<p class="offer">${escapeHtml(promotion?.code ?? coupon.name ?? coupon.id)}: ${escapeHtml(couponTerms(coupon))}</p>`
    : "";
  const action = `/checkout/${escapeHtml(session.id)}`;
  const codeForm = !session.allow_promotion_codes
    ? ""
    : promotion
      ? `<form method="post" action="${action}" class="code-form">
<input type="hidden" name="action" value="remove">
<button type="submit" class="secondary">Remove promotion code</button>
</form>`
      : `<form method="post" action="${action}" class="code-form">
<input type="hidden" name="action" value="apply">
<label for="promotionCode">Promotion code</label>
<input id="promotionCode" name="promotionCode" autocomplete="off" maxlength="500">
${codeError ? `<p role="alert" id="promotionCodeError">${escapeHtml(codeError)}</p>` : ""}
<button type="submit" class="secondary">Apply</button>
</form>`;
  return `<section aria-label="Order summary">
<p><strong>${escapeHtml(planName(core.state, line.price))}</strong>: ${escapeHtml(pricePerInterval(line.price))}</p>
${trialLine}
${discountLine}
<p>Due today: <strong>${escapeHtml(formatAmount(session.amount_total ?? 0, currency))}</strong></p>
${codeForm}
</section>`;
}

function renderForm(
  core: EmulatorCore,
  session: CheckoutSessionObject,
  values: FormValues,
  error?: string,
  status = 200,
  codeError?: string,
): PageResponse {
  const line = core.state.checkoutSessionDetails[session.id]!.lineItems[0]!;
  const { fixed } = sessionEmail(core, session);
  const product = productName(core.state, line.price);
  const body = `<h1>Subscribe to ${escapeHtml(product)}</h1>
${orderSummary(core, session, codeError)}
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/checkout/${escapeHtml(session.id)}">
${field("email", "Email", values.email, `type="email" autocomplete="email" required${fixed ? " readonly" : ""}`)}
${field("cardNumber", "Card number", values.cardNumber, `inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required`)}
${field("cardExpiry", "Expiry", values.cardExpiry, `autocomplete="cc-exp" placeholder="MM / YY"`)}
${field("cardCvc", "CVC", values.cardCvc, `inputmode="numeric" autocomplete="cc-csc" placeholder="CVC"`)}
<button type="submit">Subscribe</button>
</form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>` : ""}`;
  return htmlPage(`Subscribe to ${product}`, body, status);
}

function closedPage(session: CheckoutSessionObject): PageResponse {
  const back = session.status === "complete" ? session.success_url : session.cancel_url;
  const link = back ? `<p><a href="${escapeHtml(back)}">Return to ${escapeHtml(siteName(back))}</a></p>` : "";
  return session.status === "complete"
    ? htmlPage("Already paid", `<h1>You're all set</h1><p>This Checkout Session is already paid.</p>${link}`)
    : htmlPage("Session expired", `<h1>This Checkout Session has expired</h1>${link}`, 410);
}

export function showCheckoutPage(core: EmulatorCore, id: string): PageResponse | undefined {
  const session = core.state.checkoutSessions[id];
  if (!session) return undefined;
  if (session.status !== "open") return closedPage(session);
  return renderForm(core, session, emptyValues(core, session));
}

function emptyValues(core: EmulatorCore, session: CheckoutSessionObject): FormValues {
  return { email: sessionEmail(core, session).email, cardNumber: "", cardExpiry: "", cardCvc: "" };
}

/** The promotion code form: applied, the page again (Post/Redirect/Get); refused, the reason by the field. */
function submitCode(core: EmulatorCore, session: CheckoutSessionObject, form: URLSearchParams): PageResponse {
  try {
    if (form.get("action") === "remove") removeTypedCode(core, session);
    else applyTypedCode(core, session, (form.get("promotionCode") ?? "").slice(0, 500));
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    return renderForm(core, session, emptyValues(core, session), undefined, 400, error.message);
  }
  return { status: 303, location: `/checkout/${session.id}` };
}

export function submitCheckoutPage(core: EmulatorCore, id: string, form: URLSearchParams): PageResponse | undefined {
  const session = core.state.checkoutSessions[id];
  if (!session) return undefined;
  if (session.status !== "open") return closedPage(session);
  if (form.get("action") === "apply" || form.get("action") === "remove") return submitCode(core, session, form);
  const preset = sessionEmail(core, session);
  const values: FormValues = {
    email: preset.fixed ? preset.email : (form.get("email") ?? "").trim(),
    cardNumber: form.get("cardNumber") ?? "",
    cardExpiry: form.get("cardExpiry") ?? "",
    cardCvc: form.get("cardCvc") ?? "",
  };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email))
    return renderForm(core, session, values, "Your email address is incomplete.", 400);
  if (session.customer && !liveCustomer(core.state, session.customer)) {
    return renderForm(core, session, values, "This customer has been deleted.", 400);
  }
  const card = values.cardNumber.replace(/[\s-]/g, "");
  if (card === declinedCard) return renderForm(core, session, values, "Your card was declined.", 402);
  if (card !== successCard) return renderForm(core, session, values, "Your card number is invalid.", 400);
  // A code may have run out since it was applied.
  try {
    checkSessionDiscount(core, session);
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    return renderForm(core, session, values, error.message, 400);
  }

  completeCheckout(core, session, values.email);
  if (!session.success_url)
    return htmlPage("Thank you", "<h1>Thanks for subscribing</h1><p>Your payment went through.</p>");
  return { status: 303, location: session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
}
