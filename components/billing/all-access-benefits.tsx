import { env } from "@/lib/config/env";

/** What All-Access brings, from the ALL_ACCESS_BENEFITS setting: the paywall panel and /subscribe. */
export function AllAccessBenefits({ className = "benefits" }: { className?: string }) {
  return (
    <ul className={className}>
      {env().ALL_ACCESS_BENEFITS.map((benefit) => (
        <li key={benefit}>{benefit}</li>
      ))}
    </ul>
  );
}
