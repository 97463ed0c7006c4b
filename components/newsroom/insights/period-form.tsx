// The dashboard's period: a plain GET form, so it works without JavaScript
// and every period has an address that can be shared or bookmarked.
import type { InsightsPeriod } from "@/lib/newsroom/insights/insights-period";

const PRESET_LABELS = [
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
  ["90d", "Last 90 days"],
  ["365d", "Last year"],
  ["custom", "Custom dates"],
] as const;

export function PeriodForm({ period }: { period: InsightsPeriod | null }) {
  return (
    <form method="get" action="/admin/insights" className="insights-period" aria-label="Period">
      <label>
        Period
        <select name="period" defaultValue={period?.preset ?? "30d"}>
          {PRESET_LABELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        From (custom)
        <input type="date" name="from" defaultValue={period?.preset === "custom" ? period.from : ""} />
      </label>
      <label>
        To (custom)
        <input type="date" name="to" defaultValue={period?.preset === "custom" ? period.to : ""} />
      </label>
      <label>
        Group by
        <select name="group" defaultValue={period?.group ?? "day"}>
          <option value="day">Day</option>
          <option value="week">Week</option>
        </select>
      </label>
      <button type="submit" className="button">
        Show
      </button>
    </form>
  );
}
