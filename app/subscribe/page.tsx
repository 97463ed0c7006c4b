// GET /subscribe: the All-Access offer. Checkout through Stripe is the next
// piece of work on billing; until it lands this page says what it will do.
import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/config/env";

export const metadata: Metadata = { title: "Subscribe to All-Access" };

const BENEFITS = [
  "Every daily analysis and in-depth report, in full",
  "The full searchable library of our archive",
  "The Daily Review every weekday and the Weekly Review every weekend",
  "Reading without advertising",
];

export default function SubscribePage() {
  return (
    <div className="message-page">
      <p className="kicker">All-Access</p>
      <h1>Subscribe to {env().PUBLICATION_NAME}</h1>
      <ul className="benefits">
        {BENEFITS.map((benefit) => (
          <li key={benefit}>{benefit}</li>
        ))}
      </ul>
      <p>
        You will choose a monthly or an annual plan and pay securely with Stripe; your access starts as soon as the
        payment is confirmed, and you can cancel at any time from your account.
      </p>
      <p className="notice" role="status">
        Subscriptions open soon: payment is not switched on yet and nothing will be charged.
      </p>
      <p>
        Meanwhile, <Link href="/signin">sign in with your email address</Link> to read {env().FREE_ARTICLES_PER_MONTH}{" "}
        articles of your choice each month.
      </p>
    </div>
  );
}
