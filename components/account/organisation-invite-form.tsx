"use client";
// The manager's invitation form: one address at a time. What the server
// answers (sent, or why not: the seats are taken, the address already holds
// one) shows above the field; a refused address stays in it.
import { useActionState } from "react";

/** What the last invitation came to, shown above the field. */
export type InviteState = { status: "idle" | "invited" | "refused"; message?: string; email?: string };

export function OrganisationInviteForm({
  action,
  organisationId,
  from,
  permalink,
}: {
  action: (previous: InviteState, formData: FormData) => Promise<InviteState>;
  organisationId: string;
  from: "account" | "admin";
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" }, permalink);
  const id = `invite-${organisationId}`;
  return (
    <form action={formAction} className="organisation-invite">
      {state.message && (
        <p
          className={state.status === "invited" ? "notice" : "form-error"}
          role={state.status === "invited" ? "status" : "alert"}
        >
          {state.message}
        </p>
      )}
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="from" value={from} />
      <label htmlFor={id}>Invite by email address</label>
      <div className="inline-form">
        <input
          id={id}
          type="email"
          name="email"
          required
          maxLength={254}
          autoComplete="off"
          defaultValue={state.status === "refused" ? state.email : ""}
          key={state.status === "invited" ? state.message : "typing"}
        />
        <button type="submit" className="button button-primary" disabled={pending}>
          Send invitation
        </button>
      </div>
    </form>
  );
}
