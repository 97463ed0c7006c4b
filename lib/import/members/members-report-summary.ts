// A members import's report as a few readable lines, for the terminal and
// the form; the JSON report has every problem.
import type { MembersImportReport } from "./members-import-report";
import { MEMBERS_FORMAT_NAMES } from "./members-format";

const count = (value: number) => value.toLocaleString("en-US");
const SHOWN_PROBLEMS = 50;

export function membersReportSummary(report: MembersImportReport): string {
  const would = report.dryRun ? "would be " : "";
  const lines = [
    `${MEMBERS_FORMAT_NAMES[report.format]}${report.dryRun ? " (preview: nothing was written)" : ""}: ${count(report.rows)} rows.`,
    `Readers: ${count(report.created)} ${would}created, ${count(report.updated)} ${would}updated, ${count(report.unchanged)} unchanged.`,
    `Of those created or updated: ${count(report.comped)} with comp access, ${count(report.subscribers)} subscribers by their Stripe subscription.`,
    report.problems.length === 0 ? "No problems." : `${count(report.problems.length)} problems:`,
    ...report.problems.slice(0, SHOWN_PROBLEMS).map((problem) => `  ${problem.where}: ${problem.reason}`),
  ];
  if (report.problems.length > SHOWN_PROBLEMS) {
    lines.push(`  … and ${count(report.problems.length - SHOWN_PROBLEMS)} more in the JSON report.`);
  }
  return lines.join("\n");
}
