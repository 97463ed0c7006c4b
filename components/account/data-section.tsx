/** The reader's data: a JSON download, and deleting the account. */
export function DataSection() {
  return (
    <section aria-labelledby="your-data">
      <h2 id="your-data">Your data</h2>
      <p>
        <a href="/api/account/export" download>
          Download everything we hold about you (JSON)
        </a>
      </p>
      <form method="post" action="/api/account/delete">
        <button type="submit" className="button">
          Delete my account
        </button>
      </form>
      <p className="meta">We email you a link to confirm; nothing is deleted before you open it.</p>
    </section>
  );
}
