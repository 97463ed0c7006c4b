import { openBillingPortalAction } from "@/app/subscribe/actions";

/** Opens the Stripe Customer Portal (payment method, invoices, plan, cancel). */
export function ManageBillingButton() {
  return (
    <form action={openBillingPortalAction}>
      <button type="submit" className="button">
        Manage billing
      </button>
    </form>
  );
}
