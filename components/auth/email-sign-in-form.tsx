"use client";
// The email form of "keep reading for free" and of /signin. It works without
// JavaScript too: the server action is a plain form POST then, to
// `permalink` (the page the form is on: React writes it into the form's
// action, which would otherwise be the empty action="" HTML forbids).
import { useActionState } from "react";
import { requestSignInLink, type SignInFormState } from "@/app/signin/actions";

type Props = {
  source: "paywall" | "signin";
  callbackUrl: string;
  defaultEmail?: string;
  submitLabel: string;
  /** The address of the page the form is on, with the query it needs to show the form again. */
  permalink: string;
  /** Offer to decline the free newsletter (sign-ups from the paywall). */
  newsletterChoice?: boolean;
  /** The gated article of the paywall panel, given as the registration gift. */
  articleSlug?: string;
};

const initial: SignInFormState = { status: "idle" };

export function EmailSignInForm({
  source,
  callbackUrl,
  defaultEmail,
  submitLabel,
  permalink,
  newsletterChoice = false,
  articleSlug,
}: Props) {
  const [state, action, pending] = useActionState(requestSignInLink, initial, permalink);
  const inputId = `email-${source}`;
  return (
    <form action={action} className="sign-in-form" noValidate>
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {articleSlug && <input type="hidden" name="articleSlug" value={articleSlug} />}
      <div className="inline-form">
        <label htmlFor={inputId} className="visually-hidden">
          Email address
        </label>
        <input
          id={inputId}
          type="email"
          name="email"
          required
          maxLength={254}
          autoComplete="email"
          placeholder="you@example.org"
          defaultValue={state.email ?? defaultEmail}
          aria-invalid={state.status === "invalid"}
          aria-describedby={state.message ? `${inputId}-message` : undefined}
        />
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Sending…" : submitLabel}
        </button>
      </div>
      {newsletterChoice && (
        <label className="checkbox">
          <input type="checkbox" name="declineNewsletter" />
          Don&apos;t send me the free newsletter
        </label>
      )}
      {state.message && (
        <p id={`${inputId}-message`} className={state.status === "limited" ? "notice" : "form-error"} role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
