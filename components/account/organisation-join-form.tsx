"use client";
// The button that accepts an invitation to a seat; a refusal (the seats are
// taken, another address is signed in) shows above it.
import { useActionState } from "react";

/** Why the last press did not join. */
export type JoinState = { message?: string };

export function OrganisationJoinForm({
  action,
  token,
  organisation,
  permalink,
}: {
  action: (previous: JoinState, formData: FormData) => Promise<JoinState>;
  token: string;
  organisation: string;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  return (
    <form action={formAction}>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button button-primary" disabled={pending}>
        Join {organisation}
      </button>
    </form>
  );
}
