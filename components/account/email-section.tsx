/** Changing the sign-in address: confirmed from the new address first. */
export function EmailSection({ email }: { email: string }) {
  return (
    <section aria-labelledby="email-address">
      <h2 id="email-address">Email address</h2>
      <p>
        You sign in and receive our emails at <strong>{email}</strong>.
      </p>
      <form method="post" action="/api/account/email" className="inline-form">
        <label htmlFor="new-email" className="visually-hidden">
          New email address
        </label>
        <input
          id="new-email"
          type="email"
          name="email"
          required
          maxLength={254}
          placeholder="new@example.org"
          autoComplete="email"
        />
        <button type="submit" className="button">
          Change address
        </button>
      </form>
      <p className="meta">We send a link to the new address; nothing changes until you open it. We tell the old one.</p>
    </section>
  );
}
