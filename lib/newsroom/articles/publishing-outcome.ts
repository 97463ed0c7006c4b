// What the publishing routes answer for each result of publishing.ts.
import { formatDateTime } from "@/lib/articles/format";
import { invalid, NOT_FOUND, type EditorOutcome } from "./editor-answer";
import type { PublishingResult } from "./publishing";

export function publishingOutcome(result: PublishingResult): EditorOutcome {
  switch (result.kind) {
    case "published":
      return {
        status: 200,
        notice: "published",
        message: "Published.",
        body: { status: "published", publishedAt: result.publishedAt.toISOString() },
      };
    case "scheduled":
      return {
        status: 200,
        notice: "scheduled",
        message: `Scheduled for ${formatDateTime(result.publishAt)}.`,
        body: { status: "scheduled", publishAt: result.publishAt.toISOString() },
      };
    case "unpublished":
      return {
        status: 200,
        notice: "unpublished",
        message: "Back to a draft: readers no longer see it.",
        body: { status: "draft" },
      };
    case "unchanged":
      return {
        status: 200,
        notice: `already-${result.status}`,
        message: `It is ${result.status === "draft" ? "a draft" : result.status} already; nothing changed.`,
        body: { status: result.status, publishedAt: result.publishedAt?.toISOString() ?? null },
      };
    case "already-published":
      return {
        status: 409,
        notice: "already-published",
        message: "It is published. Unpublish it first to schedule it.",
      };
    case "conflict":
      return {
        status: 409,
        notice: "conflict",
        message: "The article was saved again since you opened it. Look at the latest version before publishing.",
        body: { version: result.version },
      };
    case "invalid":
      return { ...invalid(result.fieldErrors), message: "The article is not ready; nothing changed." };
    case "not-found":
      return NOT_FOUND;
  }
}
