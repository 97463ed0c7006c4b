// The hosted Checkout page a Checkout Session's `url` points to: a card form
// that accepts Stripe's test cards. 4242 4242 4242 4242 pays and redirects
// to success_url; 4000 0000 0000 0002 is declined; any other number is
// invalid. Expiry and CVC are asked for, as on Stripe, but not checked.
import { completeCheckout } from "./complete-checkout";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer } from "./emulator-state";
import { escapeHtml, htmlPage, siteName, type PageResponse } from "./html-page";
import { planName, pricePerInterval, productName } from "./price-labels";
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

function renderForm(
  core: EmulatorCore,
  session: CheckoutSessionObject,
  values: FormValues,
  error?: string,
  status = 200,
): PageResponse {
  const line = core.state.checkoutSessionDetails[session.id]!.lineItems[0]!;
  const { fixed } = sessionEmail(core, session);
  const product = productName(core.state, line.price);
  const body = `<h1>Subscribe to ${escapeHtml(product)}</h1>
<p><strong>${escapeHtml(planName(core.state, line.price))}</strong>: ${escapeHtml(pricePerInterval(line.price))}</p>
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
  return renderForm(core, session, {
    email: sessionEmail(core, session).email,
    cardNumber: "",
    cardExpiry: "",
    cardCvc: "",
  });
}

export function submitCheckoutPage(core: EmulatorCore, id: string, form: URLSearchParams): PageResponse | undefined {
  const session = core.state.checkoutSessions[id];
  if (!session) return undefined;
  if (session.status !== "open") return closedPage(session);
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

  completeCheckout(core, session, values.email);
  if (!session.success_url)
    return htmlPage("Thank you", "<h1>Thanks for subscribing</h1><p>Your payment went through.</p>");
  return { status: 303, location: session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
}
