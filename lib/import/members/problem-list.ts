// The problems an import meets, by line, as the report lists them: in line
// order (a batch's problems are found after the rows read later), and no
// more than a report can hold; past that they are only counted.
import type { MembersImportReport } from "./members-import-report";

/** A report listing more would itself become the memory problem; the count goes on. */
const MAX_LISTED = 10_000;

export class ProblemList {
  private readonly listed: { line: number; reason: string }[] = [];
  private unlisted = 0;

  add(line: number, reason: string): void {
    if (this.listed.length < MAX_LISTED) this.listed.push({ line, reason });
    else this.unlisted += 1;
  }

  get count(): number {
    return this.listed.length + this.unlisted;
  }

  forReport(): MembersImportReport["problems"] {
    const problems = [...this.listed]
      .sort((a, b) => a.line - b.line)
      .map(({ line, reason }) => ({ where: `line ${line}`, reason }));
    if (this.unlisted > 0) {
      problems.push({ where: "file", reason: `${this.unlisted.toLocaleString("en-US")} more problems, not listed` });
    }
    return problems;
  }
}
