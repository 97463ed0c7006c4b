// How dates and kinds read on the site, in the publication's time zone.
import { env } from "@/lib/config/env";
import type { ArticleKind } from "./article-queries";

export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: env().PUBLICATION_TIMEZONE,
  }).format(date);
}

/** Date and time to the minute, in the publication's time zone, with its name. */
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: env().PUBLICATION_TIMEZONE,
    timeZoneName: "short",
  }).format(date);
}

export function kindLabel(kind: ArticleKind): string {
  return kind === "in_depth" ? "In-Depth" : "Daily Analysis";
}
