"use client";
// Publish now, schedule, unpublish: forms that post to the publishing routes
// (they work without JavaScript, on the last saved version). With JavaScript
// the editor saves unsaved changes first, then sends the action.
import type { FormEvent } from "react";
import { toLocalInput } from "@/lib/newsroom/articles/publication-time";
import type { ArticleStatus } from "./editor-types";
import { describedBy, FieldError } from "./field-error";
import { formatTime } from "./format-time";

export type PublishingAction = "publish" | "schedule" | "unpublish";

type Props = {
  id: string | null;
  version: number;
  status: ArticleStatus;
  publishedAt: string | null;
  slug: string;
  timeZone: string;
  publishAtError: string | undefined;
  busy: boolean;
  onAction: (event: FormEvent<HTMLFormElement>, action: PublishingAction) => void;
};

function statusLine(status: ArticleStatus, publishedAt: string | null, timeZone: string): string {
  if (status === "published" && publishedAt) return `Published ${formatTime(publishedAt, timeZone)}`;
  if (status === "scheduled" && publishedAt) return `Scheduled for ${formatTime(publishedAt, timeZone)}`;
  return "Draft: only the newsroom sees it";
}

export function PublishingPanel({
  id,
  version,
  status,
  publishedAt,
  slug,
  timeZone,
  publishAtError,
  busy,
  onAction,
}: Props) {
  const form = (action: PublishingAction) => ({
    method: "post",
    action: `/api/admin/articles/${id}/${action}`,
    onSubmit: (event: FormEvent<HTMLFormElement>) => onAction(event, action),
  });
  return (
    <section className="editor-publishing" aria-labelledby="publishing-title">
      <h2 id="publishing-title" className="editor-panel-title">
        Publishing
      </h2>
      <p className="editor-status" data-status={status}>
        {statusLine(status, publishedAt, timeZone)}
      </p>
      {!id ? (
        <p className="meta">Save the draft to publish or schedule it.</p>
      ) : (
        <>
          {status !== "published" && (
            <form {...form("publish")}>
              <input type="hidden" name="version" value={version} />
              <button type="submit" className="button button-primary" disabled={busy}>
                Publish now
              </button>
            </form>
          )}
          {status !== "published" && (
            <form {...form("schedule")} className="editor-schedule">
              <input type="hidden" name="version" value={version} />
              <label htmlFor="publishAt">Publish at ({timeZone} time)</label>
              <div className="editor-actions">
                <input
                  id="publishAt"
                  name="publishAt"
                  type="datetime-local"
                  required
                  defaultValue={
                    status === "scheduled" && publishedAt ? toLocalInput(new Date(publishedAt), timeZone) : ""
                  }
                  {...describedBy("publishAt-error", publishAtError)}
                />
                <button type="submit" className="button" disabled={busy}>
                  {status === "scheduled" ? "Reschedule" : "Schedule"}
                </button>
              </div>
              <FieldError id="publishAt-error" message={publishAtError} />
            </form>
          )}
          {status !== "draft" && (
            <form {...form("unpublish")}>
              <input type="hidden" name="version" value={version} />
              <button type="submit" className="button" disabled={busy}>
                {status === "scheduled" ? "Cancel the schedule" : "Unpublish"}
              </button>
            </form>
          )}
          <p className="meta">
            {status === "published" && (
              <>
                <a href={`/articles/${slug}`}>Open it on the site</a> ·{" "}
              </>
            )}
            <a href={`/admin/articles/${id}/revisions`}>Revisions</a>
          </p>
        </>
      )}
    </section>
  );
}
