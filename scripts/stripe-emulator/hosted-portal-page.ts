// The hosted Customer Portal a billing portal session's `url` points to:
// the customer's current subscription with buttons to cancel at period end,
// resume, and switch between the product's prices, plus their invoices.
// Each change goes through the same code as the API, so it emits the same
// `customer.subscription.updated`, then redirects back here.
import { automatic, type EmulatorCore } from "./emulator-core";
import { liveCustomer, newestFirst } from "./emulator-state";
import { escapeHtml, htmlPage, siteName, type PageResponse } from "./html-page";
import { formatAmount, longDate, planName, pricePerInterval } from "./price-labels";
import { applyCancellation, applyPriceSwitch, firstItem, updateSubscription } from "./subscription-changes";
import type { PortalSessionObject, PriceObject, SubscriptionObject } from "./stripe-objects";

const statusLabels: Record<string, string> = {
  active: "Active",
  past_due: "Past due",
  trialing: "Trial",
  unpaid: "Unpaid",
};

function button(session: PortalSessionObject, action: string, subscription: string, label: string, extra = ""): string {
  return `<form method="post" action="/portal/${escapeHtml(session.id)}/${action}">
<input type="hidden" name="subscription" value="${escapeHtml(subscription)}">${extra}
<button type="submit"${action === "cancel" ? ' class="secondary"' : ""}>${escapeHtml(label)}</button>
</form>`;
}

/** The product's other active recurring prices, offered as "Switch to annual" and the like. */
function alternatives(core: EmulatorCore, price: PriceObject): PriceObject[] {
  return Object.values(core.state.prices).filter(
    (candidate) =>
      candidate.product === price.product && candidate.id !== price.id && candidate.active && candidate.recurring,
  );
}

function subscriptionSection(
  core: EmulatorCore,
  session: PortalSessionObject,
  subscription: SubscriptionObject,
): string {
  const item = firstItem(subscription);
  const dateLine =
    subscription.cancel_at !== null
      ? `Cancels on ${longDate(subscription.cancel_at)}`
      : subscription.status === "trialing"
        ? `Trial ends on ${longDate(item.current_period_end)}`
        : `Renews on ${longDate(item.current_period_end)}`;
  const actions =
    subscription.cancel_at !== null
      ? button(session, "resume", subscription.id, "Resume plan")
      : [
          button(session, "cancel", subscription.id, "Cancel plan"),
          ...alternatives(core, item.price).map((price) =>
            button(
              session,
              "switch",
              subscription.id,
              `Switch to ${(price.nickname ?? price.id).toLowerCase()}`,
              `<input type="hidden" name="price" value="${escapeHtml(price.id)}">`,
            ),
          ),
        ].join("\n");
  return `<section aria-label="Current plan">
<h2>${escapeHtml(planName(core.state, item.price))}</h2>
<p>${escapeHtml(pricePerInterval(item.price))}</p>
<p>Status: ${escapeHtml(statusLabels[subscription.status] ?? subscription.status)}</p>
<p>${escapeHtml(dateLine)}</p>
${actions}
</section>`;
}

function invoiceTable(core: EmulatorCore, customer: string): string {
  const invoices = newestFirst(core.state.invoices).filter((invoice) => invoice.customer === customer);
  if (invoices.length === 0) return "";
  const rows = invoices
    .map(
      (invoice) =>
        `<tr><td>${escapeHtml(longDate(invoice.created))}</td><td>${escapeHtml(formatAmount(invoice.amount_due, invoice.currency))}</td><td>${escapeHtml(invoice.status ?? "")}</td></tr>`,
    )
    .join("\n");
  return `<section aria-label="Invoice history"><h2>Invoice history</h2>
<table><thead><tr><th>Date</th><th>Amount</th><th>Status</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

export function showPortalPage(core: EmulatorCore, id: string): PageResponse | undefined {
  const session = core.state.portalSessions[id];
  if (!session) return undefined;
  const customer = liveCustomer(core.state, session.customer);
  const current = newestFirst(core.state.subscriptions).filter(
    (subscription) => subscription.customer === session.customer && subscription.status !== "canceled",
  );
  const back = session.return_url
    ? `<p><a href="${escapeHtml(session.return_url)}">Return to ${escapeHtml(siteName(session.return_url))}</a></p>`
    : "";
  const body = `<h1>Manage your subscription</h1>
${customer?.email ? `<p>${escapeHtml(customer.email)}</p>` : ""}
${current.length > 0 ? current.map((subscription) => subscriptionSection(core, session, subscription)).join("\n") : "<p>You have no active subscription.</p>"}
${invoiceTable(core, session.customer)}
${back}`;
  return htmlPage("Manage your subscription", body);
}

export function submitPortalAction(
  core: EmulatorCore,
  id: string,
  action: string,
  form: URLSearchParams,
): PageResponse | undefined {
  const session = core.state.portalSessions[id];
  const subscription = core.state.subscriptions[form.get("subscription") ?? ""];
  // A portal session may only touch its own customer's subscriptions.
  if (!session || !subscription || subscription.customer !== session.customer) return undefined;
  const price = core.state.prices[form.get("price") ?? ""];
  if (action === "cancel")
    updateSubscription(core, subscription, automatic, (target) => applyCancellation(core, target, "period_end"));
  else if (action === "resume")
    updateSubscription(core, subscription, automatic, (target) => applyCancellation(core, target, null));
  else if (action === "switch" && price) {
    updateSubscription(core, subscription, automatic, (target) =>
      applyPriceSwitch(core, target, firstItem(target).id, price),
    );
  } else return undefined;
  return { status: 303, location: `/portal/${session.id}` };
}
