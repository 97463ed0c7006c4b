// The readers at a glance, above the search.
import type { ReaderCounts } from "@/lib/newsroom/readers/reader-counts";

export function ReaderCountsPanel({ counts }: { counts: ReaderCounts }) {
  const { subscribers } = counts;
  return (
    <dl className="newsroom-counts" aria-label="Readers at a glance">
      <div>
        <dt>Registered readers</dt>
        <dd>{counts.registered}</dd>
      </div>
      <div>
        <dt>Subscribers</dt>
        <dd>
          {subscribers.total}
          <span className="meta">
            {" "}
            monthly {subscribers.monthly} · annual {subscribers.annual}
            {subscribers.otherPlan > 0 && ` · other prices ${subscribers.otherPlan}`}
          </span>
        </dd>
      </div>
      <div>
        <dt>Comp readers</dt>
        <dd>{counts.comp}</dd>
      </div>
      <div>
        <dt>New this week</dt>
        <dd>
          {counts.newThisWeek} <span className="meta">in the last 7 days</span>
        </dd>
      </div>
    </dl>
  );
}
