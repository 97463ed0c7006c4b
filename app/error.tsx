"use client";
// Shown when a page fails on the server; the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="message-page">
      <h1>Something went wrong</h1>
      <p>We could not show this page just now. Please try again in a moment.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
