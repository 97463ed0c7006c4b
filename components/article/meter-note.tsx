import type { MeterSummary } from "@/lib/access/reader-meter";
import { formatDayMonth } from "@/lib/articles/format";

/** A free reader's meter, on every article page: what is left and when it comes back. */
export function MeterNote({ meter }: { meter: MeterSummary }) {
  return (
    <p className="meter-note" role="status">
      {meter.remaining} of {meter.limit} free articles left this month, resets{" "}
      <time dateTime={meter.resetsAt.toISOString()}>{formatDayMonth(meter.resetsAt)}</time>
    </p>
  );
}
