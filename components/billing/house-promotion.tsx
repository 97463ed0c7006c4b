import Link from "next/link";

/** The publication's own promotion, in the slots where advertising would go.
 *  Subscribers read without it. */
export function HousePromotion({ slot }: { slot: "article" | "home" }) {
  return (
    <aside className="house-promotion" aria-label="Promotion" data-slot={slot}>
      <p className="kicker">All-Access</p>
      <p>Every article, the full archive, the Daily and Weekly Review, and no promotions like this one.</p>
      <Link href="/subscribe">See the plans →</Link>
    </aside>
  );
}
