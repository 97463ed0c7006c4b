// Importing readers from a Ghost members CSV or a Substack subscriber CSV.
// The file is read twice, as a stream: the first pass only checks that it
// is a members CSV Folio can read to the end, so a broken file is refused
// before anything is written; the second reads each row (read-member-row.ts),
// sets aside invalid addresses and addresses or Stripe customers met earlier
// in the file, and imports the rest in batches, each planned
// (plan-members-batch.ts) and then written in a transaction of its own
// (write-members-batch.ts). Importing the same file again changes nothing:
// imported_items knows each row it imported by its hash. Imported readers
// get no email unless sendWelcome says so.
import { basename } from "node:path";
import { recordAudit } from "@/lib/audit/audit-log";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { StaleStripeReadError } from "@/lib/billing/stripe-sync-version";
import { env } from "@/lib/config/env";
import { db, Prisma } from "@/lib/db/prisma";
import { InFileDuplicates } from "./in-file-duplicates";
import type { MemberRow } from "./member-row";
import { openMembersCsv } from "./members-csv";
import type { MembersImportReport } from "./members-import-report";
import { planMembersBatch, type BatchPlan, type PlanContext } from "./plan-members-batch";
import { ProblemList } from "./problem-list";
import { readMemberRow } from "./read-member-row";
import { PlanOutdatedError, writeMembersBatch } from "./write-members-batch";

export { membersReportSummary } from "./members-report-summary";
export type { MembersImportReport } from "./members-import-report";

export type MembersImportOptions = {
  dryRun: boolean;
  /** Welcome imported readers by email as new ones (default false: no email at all). */
  sendWelcome?: boolean;
  actor: Actor;
  /** Called after each batch with the rows read so far. */
  onProgress?: (done: number) => void;
  /** Rows per transaction (default 500). */
  batchSize?: number;
  /** The file's name for the audit log (default: the last part of `path`, which may be an upload's temporary name). */
  fileName?: string;
};

const BATCH_SIZE = 500;
// Long enough for a batch of paying readers on the embedded database.
const BATCH_TRANSACTION = { maxWait: 60_000, timeout: 300_000 } as const;
/** Plans of one batch overtaken by a sign-up or a webhook in between, before giving up. */
const ATTEMPTS = 5;

function shouldPlanAgain(error: unknown): boolean {
  return (
    error instanceof StaleStripeReadError ||
    error instanceof PlanOutdatedError ||
    // A Stripe customer given to another account in the meantime: the next plan reports it.
    (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
  );
}

/** The first pass: throws ImportFileError unless the whole file reads as a members CSV. */
async function checkFile(path: string): Promise<void> {
  const csv = await openMembersCsv(path);
  for await (const record of csv.records) void record;
}

export async function importMembers(path: string, options: MembersImportOptions): Promise<MembersImportReport> {
  assertRole(options.actor, "admin");
  await checkFile(path);
  const now = new Date();
  const csv = await openMembersCsv(path);
  const context: PlanContext = {
    format: csv.format,
    now,
    timeZone: env().PUBLICATION_TIMEZONE,
    graceDays: env().SUBSCRIPTION_GRACE_DAYS,
  };
  const report: MembersImportReport = {
    format: csv.format,
    dryRun: options.dryRun,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    comped: 0,
    subscribers: 0,
    problems: [],
  };
  const problems = new ProblemList();

  async function importBatch(rows: MemberRow[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const plan: BatchPlan = await planMembersBatch(rows, context);
      try {
        if (!options.dryRun && plan.members.length > 0) {
          await db().$transaction(
            (tx) =>
              writeMembersBatch(tx, plan.members, {
                source: csv.format,
                sendWelcome: options.sendWelcome ?? false,
                now,
              }),
            BATCH_TRANSACTION,
          );
        }
      } catch (error) {
        if (attempt < ATTEMPTS && shouldPlanAgain(error)) continue;
        throw error;
      }
      report.unchanged += plan.alreadyImported;
      for (const { line, reason } of plan.problems) problems.add(line, reason);
      for (const member of plan.members) {
        report[member.outcome] += 1;
        if (member.outcome === "unchanged") continue;
        if (member.compUntil) report.comped += 1;
        if (member.subscriber) report.subscribers += 1;
      }
      return;
    }
  }

  const batchSize = options.batchSize ?? BATCH_SIZE;
  const duplicates = new InFileDuplicates();
  let batch: MemberRow[] = [];
  for await (const record of csv.records) {
    report.rows += 1;
    const read = readMemberRow(csv.format, record, csv.columns.length);
    if (!read.ok) {
      problems.add(record.line, read.problem);
      continue;
    }
    const repeated = duplicates.check(read.row);
    if (repeated) {
      problems.add(record.line, repeated);
      continue;
    }
    if (read.row.warning) problems.add(record.line, read.row.warning);
    batch.push(read.row);
    if (batch.length >= batchSize) {
      await importBatch(batch);
      batch = [];
      options.onProgress?.(report.rows);
    }
  }
  if (batch.length > 0) await importBatch(batch);
  options.onProgress?.(report.rows);

  report.problems = problems.forReport();
  if (!options.dryRun) {
    await recordAudit(db(), options.actor, {
      action: "import.members",
      subject: options.fileName ?? basename(path),
      details: {
        format: report.format,
        rows: report.rows,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        comped: report.comped,
        subscribers: report.subscribers,
        problems: problems.count,
      },
    });
  }
  return report;
}
