// What a members import did, or (dry run) would do.
import type { MembersFormat } from "./members-format";

export type MembersImportReport = {
  format: MembersFormat;
  /** A preview: the counts are what the import would do; nothing was written. */
  dryRun: boolean;
  /** Rows in the file, the header not counted. */
  rows: number;
  created: number;
  /** Existing readers who gained something (a comp, a newsletter choice, their subscription, ...). */
  updated: number;
  /** Readers the import found as they were: imported before, or already in Folio with all the row says. */
  unchanged: number;
  /** Of the readers created or updated: those whose comp access the import granted or extended. */
  comped: number;
  /** Of the readers created or updated: those who read everything by a Stripe subscription now. */
  subscribers: number;
  /** Rows not imported, by line, and what the report should say about some that were. */
  problems: { where: string; reason: string }[];
};
