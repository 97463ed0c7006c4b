// What an import did, or (dry run) would do: the counts, every problem row,
// and the same as a few readable lines for the terminal and the form.
import type { ImportFormat, ImportProblem } from "./import-source";

type Made = { created: number; existing: number };

export type ImportReport = {
  format: ImportFormat;
  dryRun: boolean;
  posts: { created: number; updated: number; unchanged: number; skipped: number };
  authors: Made;
  topics: Made;
  regions: Made;
  /** Old addresses that redirect (or would) to the articles. */
  redirects: number;
  /** With images given (--images): loaded into the media library, found there from before, not found. */
  images: { loaded: number; reused: number; missing: number };
  problems: Omit<ImportProblem, "kind">[];
  seconds: number;
};

export function emptyReport(format: ImportFormat, dryRun: boolean): ImportReport {
  return {
    format,
    dryRun,
    posts: { created: 0, updated: 0, unchanged: 0, skipped: 0 },
    authors: { created: 0, existing: 0 },
    topics: { created: 0, existing: 0 },
    regions: { created: 0, existing: 0 },
    redirects: 0,
    images: { loaded: 0, reused: 0, missing: 0 },
    problems: [],
    seconds: 0,
  };
}

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  ghost: "Ghost export",
  wordpress: "WordPress export",
  substack: "Substack export",
};

const count = (value: number) => value.toLocaleString("en-US");

export function reportSummary(report: ImportReport): string {
  const would = report.dryRun ? "would be " : "";
  const { posts, authors, topics, regions } = report;
  const lines = [
    `${FORMAT_NAMES[report.format]}${report.dryRun ? " (preview: nothing was written)" : ""}, ${report.seconds.toFixed(1)} s`,
    `Articles: ${count(posts.created)} ${would}created, ${count(posts.updated)} ${would}updated, ${count(posts.unchanged)} unchanged, ${count(posts.skipped)} skipped.`,
    `Authors: ${count(authors.created)} ${would}created, ${count(authors.existing)} already here.`,
    `Topics: ${count(topics.created)} ${would}created, ${count(topics.existing)} already here. Regions: ${count(regions.created)} ${would}created, ${count(regions.existing)} already here.`,
    `Old addresses ${report.dryRun ? "that would redirect" : "redirecting"} to their articles: ${count(report.redirects)}.`,
    ...(report.images.loaded + report.images.reused + report.images.missing > 0
      ? [
          `Images: ${count(report.images.loaded)} ${would}loaded into the media library, ${count(report.images.reused)} there from before, ${count(report.images.missing)} not found (left as links).`,
        ]
      : []),
    report.problems.length === 0 ? "No problems." : `${count(report.problems.length)} problems:`,
    ...report.problems.slice(0, 50).map((problem) => `  ${problem.where}: ${problem.reason}`),
  ];
  if (report.problems.length > 50) lines.push(`  … and ${count(report.problems.length - 50)} more in the JSON report.`);
  return lines.join("\n");
}
