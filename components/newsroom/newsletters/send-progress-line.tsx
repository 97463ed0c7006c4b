import type { SendProgress } from "@/lib/newsletters/send-progress";

/** "412 sent · 88 pending · 0 failed", with a bar for the eye. */
export function SendProgressLine({ progress }: { progress: SendProgress }) {
  const done = progress.total === 0 ? 1 : (progress.sent + progress.failed) / progress.total;
  return (
    <span className="send-progress">
      <progress max={1} value={done} aria-hidden="true" />{" "}
      <span data-testid="send-progress">
        {progress.sent} sent · {progress.pending} pending · {progress.failed} failed
      </span>
    </span>
  );
}
