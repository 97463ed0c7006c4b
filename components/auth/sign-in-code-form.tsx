/**
 * The field for the 6-digit code of the sign-in email, on the page the
 * reader is on. A plain form posting to /api/signin/code: it works without
 * JavaScript, and a wrong code comes back here with `error` said.
 */
export function SignInCodeForm({
  email,
  returnTo,
  error,
}: {
  email: string;
  /** This page's path: where a wrong code comes back to. */
  returnTo: string;
  error: string | null;
}) {
  return (
    <form method="post" action="/api/signin/code" className="sign-in-form code-form" id="confirm" noValidate>
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="inline-form">
        <label htmlFor="sign-in-code">6-digit code</label>
        <input
          id="sign-in-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={12}
          required
          className="code-input"
          aria-invalid={error !== null}
          aria-describedby={error ? "sign-in-code-message" : undefined}
        />
        <button type="submit" className="button button-primary">
          Confirm
        </button>
      </div>
      {error && (
        <p id="sign-in-code-message" className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
