import { openBillingPortalAction } from "@/app/subscribe/actions";
import { ActionForm } from "@/components/site/action-form";

/** Opens the Stripe Customer Portal (payment method, invoices, plan, cancel). */
export function ManageBillingButton() {
  return (
    <ActionForm action={openBillingPortalAction} permalink="/account">
      <button type="submit" className="button">
        Manage billing
      </button>
    </ActionForm>
  );
}
