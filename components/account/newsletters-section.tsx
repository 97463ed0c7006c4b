import Link from "next/link";
import { NEWSLETTER_NAMES, type NewsletterChoice } from "@/lib/account/newsletter-choices";

/** Each newsletter with its own switch: a form, so it works without JavaScript. */
export function NewslettersSection({ choices }: { choices: NewsletterChoice[] }) {
  return (
    <section aria-labelledby="newsletters">
      <h2 id="newsletters">Newsletters</h2>
      <ul className="switch-list">
        {choices.map((choice) => (
          <li key={choice.newsletter}>
            <span>
              {NEWSLETTER_NAMES[choice.newsletter]}: <strong>{choice.subscribed ? "on" : "off"}</strong>
              {!choice.available && <span className="meta"> (for All-Access subscribers)</span>}
            </span>
            {(choice.available || choice.subscribed) && (
              <form method="post" action="/api/account/newsletters">
                <input type="hidden" name="newsletter" value={choice.newsletter} />
                <input type="hidden" name="subscribed" value={choice.subscribed ? "false" : "true"} />
                <button
                  type="submit"
                  className="button button-small-plain"
                  aria-label={`Turn ${choice.subscribed ? "off" : "on"} ${NEWSLETTER_NAMES[choice.newsletter]}`}
                >
                  Turn {choice.subscribed ? "off" : "on"}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <p className="meta">
        Past issues are in the <Link href="/newsletters">newsletter archive</Link>. Every newsletter has a link to
        unsubscribe at its foot.
      </p>
    </section>
  );
}
