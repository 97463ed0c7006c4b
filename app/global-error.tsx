"use client";
// Shown when even the site's frame (the root layout) could not be rendered,
// for instance while the database is unreachable. The details stay in the
// server log; the web server answers 503 when the database was the cause.
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="main">
          <div className="message-page">
            <h1>Something went wrong</h1>
            <p>We could not show this page just now. Please try again in a moment.</p>
            <button type="button" className="button" onClick={reset}>
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
