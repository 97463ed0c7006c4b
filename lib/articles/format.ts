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

export function kindLabel(kind: ArticleKind): string {
  return kind === "in_depth" ? "In-Depth" : "Daily Analysis";
}
