// A run's status in a word, and the line that says how far it got.
import type { ShownStatus } from "@/lib/import/import-run-queries";

export const STATUS_LABELS: Record<ShownStatus, string> = {
  previewing: "Preview running",
  previewed: "Preview ready",
  importing: "Importing",
  done: "Imported",
  failed: "Failed",
  interrupted: "Interrupted",
};

export function ImportStatusBadge({ status }: { status: ShownStatus }) {
  return <span className={`status-badge import-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

const count = (value: number) => value.toLocaleString("en-US");

/** "1,200 of 5,000 (24%)" with a bar; before the total is known, what has been read. */
export function ImportProgressLine({ progress, unit }: { progress: { done: number; total: number }; unit: string }) {
  if (progress.total === 0) {
    return (
      <span className="import-progress" data-testid="import-progress">
        <progress aria-hidden="true" /> {progress.done > 0 ? `${count(progress.done)} ${unit} read so far` : "Starting"}
      </span>
    );
  }
  const share = Math.min(1, progress.done / progress.total);
  return (
    <span className="import-progress" data-testid="import-progress">
      <progress max={1} value={share} aria-hidden="true" /> {count(progress.done)} of {count(progress.total)} {unit} (
      {Math.floor(share * 100)}%)
    </span>
  );
}
