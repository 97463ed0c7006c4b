// A reader's plan, subscriptions, free articles and newsletter choices.
import Link from "next/link";
import { formatDate } from "@/lib/articles/format";
import { NEWSLETTER_NAMES } from "@/lib/account/newsletter-choices";
import { planKeyFor } from "@/lib/billing/plans";
import { PLAN_LABELS } from "@/lib/newsroom/readers/reader-plan";
import type { ReaderProfile } from "@/lib/newsroom/readers/reader-profile";

export function ReaderDetails({ profile }: { profile: ReaderProfile }) {
  const { meter } = profile;
  return (
    <>
      <section aria-labelledby="plan">
        <h2 id="plan">Plan</h2>
        <p>{PLAN_LABELS[profile.plan]}</p>
        {profile.subscriptions.length > 0 && (
          <table className="newsroom-table">
            <caption className="visually-hidden">Subscriptions</caption>
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Status</th>
                <th scope="col">Period ends</th>
              </tr>
            </thead>
            <tbody>
              {profile.subscriptions.map((subscription) => (
                <tr key={subscription.id}>
                  <td>{planKeyFor(subscription.plan) ?? subscription.plan}</td>
                  <td>
                    {subscription.status.replace("_", " ")}
                    {subscription.cancelAtPeriodEnd && subscription.status !== "canceled" && " (cancels at period end)"}
                  </td>
                  <td>{formatDate(subscription.currentPeriodEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="unlocks">
        <h2 id="unlocks">Free articles</h2>
        <p>
          {meter.used} of {meter.limit} this month · {profile.unlocked.length} in all
        </p>
        {profile.unlocked.length > 0 && (
          <ul>
            {profile.unlocked.map((article) => (
              <li key={article.slug}>
                <Link href={`/articles/${article.slug}`}>{article.title}</Link>{" "}
                <span className="meta">{formatDate(article.unlockedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="newsletters">
        <h2 id="newsletters">Newsletters</h2>
        <ul>
          {profile.newsletters.map((choice) => (
            <li key={choice.newsletter}>
              {NEWSLETTER_NAMES[choice.newsletter]}: {choice.subscribed ? "receives it" : "does not receive it"}
              {!choice.available && " (for subscribers)"}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
