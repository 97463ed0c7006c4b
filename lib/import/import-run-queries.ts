// The import runs as the newsroom's pages show them: one with its preview and
// report, and the recent ones with their counts (read from the JSON in SQL,
// so that a list of twenty does not load twenty lists of problems).
import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { describeError, log } from "@/lib/observability/log";
import { listUploads, removeStoredUpload, sweepable, uploadExists } from "./import-files";
import type { ImportReport } from "./import-report";
import { STALE_AFTER_MS, type ImportKind, type RunOptions, type RunStatus } from "./import-runs";
import type { MembersImportReport } from "./members/import-members";

const uuid = z.uuid();

export function isRunId(id: string): boolean {
  return uuid.safeParse(id).success;
}

/** What a page shows: the stored status, and "interrupted" when its server stopped. */
export type ShownStatus = RunStatus | "interrupted";

type RunCommon = {
  id: string;
  fileName: string;
  fileBytes: number;
  status: ShownStatus;
  /** The stored status (an interrupted run still says previewing or importing). */
  storedStatus: RunStatus;
  progress: { done: number; total: number };
  error: string | null;
  createdByLabel: string;
  createdAt: Date;
  updatedAt: Date;
};

export type ImportRunView = RunCommon &
  (
    | { kind: "posts"; options: RunOptions; preview: ImportReport | null; report: ImportReport | null }
    | { kind: "members"; options: RunOptions; preview: MembersImportReport | null; report: MembersImportReport | null }
  ) & {
    /** Whether the uploaded file is still there (an import and a resume need it). */
    fileKept: boolean;
  };

export function shownStatus(status: string, updatedAt: Date, now = new Date()): ShownStatus {
  const running = status === "previewing" || status === "importing";
  return running && now.getTime() - updatedAt.getTime() > STALE_AFTER_MS ? "interrupted" : (status as RunStatus);
}

type StoredRun = {
  id: string;
  fileName: string;
  fileBytes: bigint | number;
  status: string;
  progressDone: number;
  progressTotal: number;
  error: string | null;
  createdByLabel: string;
  createdAt: Date;
  updatedAt: Date;
};

/** The fields every view of a run shows, from its row. */
function commonOf(row: StoredRun): RunCommon {
  return {
    id: row.id,
    fileName: row.fileName,
    fileBytes: Number(row.fileBytes),
    status: shownStatus(row.status, row.updatedAt),
    storedStatus: row.status as RunStatus,
    progress: { done: row.progressDone, total: row.progressTotal },
    error: row.error,
    createdByLabel: row.createdByLabel,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function getImportRun(actor: Actor, id: string): Promise<ImportRunView | null> {
  assertRole(actor, "admin");
  if (!isRunId(id)) return null;
  const row = await db().importRun.findUnique({ where: { id } });
  if (!row) return null;
  const common = {
    ...commonOf(row),
    options: row.options as RunOptions,
    fileKept: row.status === "done" ? false : await uploadExists(row.id),
  };
  // The JSON is what runStage stored from the importer's own report.
  return row.kind === "members"
    ? {
        ...common,
        kind: "members",
        preview: row.preview as MembersImportReport | null,
        report: row.report as MembersImportReport | null,
      }
    : {
        ...common,
        kind: "posts",
        preview: row.preview as ImportReport | null,
        report: row.report as ImportReport | null,
      };
}

/** Counts of the report (or, before the import, the preview), without its problems. */
export type RunCounts = Record<string, number | Record<string, number>>;

export type ImportRunSummary = RunCommon & {
  kind: ImportKind;
  counts: RunCounts | null;
  problems: number;
};

type SummaryRow = StoredRun & {
  kind: string;
  counts: RunCounts | null;
  problems: number | null;
};

export async function listImportRuns(actor: Actor, limit = 20): Promise<ImportRunSummary[]> {
  assertRole(actor, "admin");
  const rows = await db().$queryRaw<SummaryRow[]>`
    SELECT id::text, kind, file_name AS "fileName", file_bytes AS "fileBytes", status,
           progress_done AS "progressDone", progress_total AS "progressTotal", error,
           created_by_label AS "createdByLabel", created_at AS "createdAt", updated_at AS "updatedAt",
           COALESCE(report, preview) - 'problems' AS counts,
           jsonb_array_length(COALESCE(report, preview)->'problems') AS problems
    FROM import_runs ORDER BY created_at DESC LIMIT ${limit}`;
  void sweepOldUploads();
  return rows.map((row) => ({
    ...commonOf(row),
    kind: row.kind === "members" ? "members" : "posts",
    counts: row.counts,
    problems: row.problems ?? 0,
  }));
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;
let lastSweep = 0;

/**
 * Removes uploaded files whose run is over a week old and not running, and
 * files no run owns (an upload cut off by a restart). At most once an hour
 * per server; the listing does not wait for it.
 */
async function sweepOldUploads(now = new Date()): Promise<void> {
  if (now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now.getTime();
  try {
    const files = (await listUploads()).filter((file) => isRunId(file.id));
    if (files.length === 0) return;
    const runs = await db().importRun.findMany({
      where: { id: { in: [...new Set(files.map((file) => file.id))] } },
      select: { id: true, status: true, createdAt: true, updatedAt: true },
    });
    const byId = new Map(runs.map((run) => [run.id, run]));
    for (const file of files) {
      const run = byId.get(file.id);
      const active = run
        ? ["previewing", "importing"].includes(run.status)
          ? shownStatus(run.status, run.updatedAt, now) !== "interrupted"
          : false
        : false;
      if (sweepable(file, run ? { createdAt: run.createdAt, active } : null, now)) await removeStoredUpload(file);
    }
  } catch (error) {
    log("warn", "import-sweep-failed", describeError(error));
  }
}
