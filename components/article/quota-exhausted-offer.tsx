import Link from "next/link";
import type { MeterSummary } from "@/lib/access/reader-meter";
import { formatDate } from "@/lib/articles/format";

/** A signed-in reader who spent this month's free articles. */
export function QuotaExhaustedOffer({ articleSlug, meter }: { articleSlug: string; meter: MeterSummary }) {
  return (
    <div className="unlock-offer">
      <p>
        You have read your {meter.limit} free articles this month. They come back on{" "}
        <time dateTime={meter.resetsAt.toISOString()}>{formatDate(meter.resetsAt)}</time>.
      </p>
      <p>Subscribe to All-Access to read this article and everything else now.</p>
      <Link href={`/subscribe?from=${encodeURIComponent(articleSlug)}`} className="button button-primary">
        Subscribe
      </Link>
    </div>
  );
}
