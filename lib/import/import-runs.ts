// An import started from /admin/import, as a row of import_runs that the
// pages read: the preview (a dry run) starts as soon as the file is in; the
// import itself when an admin presses Import. Both run in the background of
// the server process that took the request, writing their progress to the
// row at most once a second and a heartbeat every 15 s, so that a row left
// "previewing" or "importing" without a sign of life for a minute belongs to
// a server that stopped: the page offers to resume it, which runs the same
// import again (imports are idempotent, docs/importing.md). Which request
// starts a run is decided by a conditional UPDATE, never by memory.
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/prisma";
import { describeError, log } from "@/lib/observability/log";
import { removeUpload, uploadExists, uploadPath } from "./import-files";
import type { ImportFormat } from "./import-source";
import { ImportFileError } from "./import-source";
import { importMembers } from "./members/import-members";
import { importPosts } from "./run-import";

export type ImportKind = "posts" | "members";
export type RunStatus = "previewing" | "previewed" | "importing" | "done" | "failed";
export type RunOptions = { format?: ImportFormat; drafts: "skip" | "import"; sendWelcome: boolean };

/** No heartbeat for this long: the server running it stopped. */
export const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 15_000;
const PROGRESS_EVERY_MS = 1_000;

export const SERVER_ERROR =
  "The import stopped on an error of the server (it is in the server's log). Resume it, or ask whoever runs the server.";

export type NewRun = { id: string; kind: ImportKind; fileName: string; bytes: number; options: RunOptions };

/** The run's row, then its preview in the background. The file must be at uploadPath(id). */
export async function createImportRun(actor: Actor, run: NewRun): Promise<void> {
  assertRole(actor, "admin");
  await db().importRun.create({
    data: {
      id: run.id,
      kind: run.kind,
      fileName: run.fileName,
      fileBytes: BigInt(run.bytes),
      options: run.options,
      status: "previewing",
      createdBy: actor.id,
      createdByLabel: actor.label,
    },
  });
  void runStage(run.id, "preview", actor);
}

export type ApplyResult = "started" | "running" | "done" | "not-ready" | "file-gone" | "not-found";

/** Starts the import of a previewed run; a second click while it runs gets "running". */
export async function applyImportRun(actor: Actor, id: string): Promise<ApplyResult> {
  assertRole(actor, "admin");
  const run = await db().importRun.findUnique({ where: { id }, select: { status: true } });
  if (!run) return "not-found";
  if (run.status === "previewed" && !(await uploadExists(id))) return "file-gone";
  const { count } = await db().importRun.updateMany({
    where: { id, status: "previewed" },
    data: { status: "importing", progressDone: 0, progressTotal: 0, updatedAt: new Date() },
  });
  if (count === 1) {
    void runStage(id, "apply", actor);
    return "started";
  }
  const now = await db().importRun.findUnique({ where: { id }, select: { status: true } });
  return now?.status === "importing" ? "running" : now?.status === "done" ? "done" : "not-ready";
}

export type ResumeResult = "resumed" | "running" | "not-resumable" | "file-gone" | "not-found";

/**
 * Runs again a preview or an import whose server stopped (no heartbeat for
 * STALE_AFTER_MS), or that failed on a server error (its file is kept).
 */
export async function resumeImportRun(actor: Actor, id: string, now = new Date()): Promise<ResumeResult> {
  assertRole(actor, "admin");
  const run = await db().importRun.findUnique({
    where: { id },
    select: { status: true, updatedAt: true, error: true, preview: true },
  });
  if (!run) return "not-found";
  const stale = now.getTime() - run.updatedAt.getTime() > STALE_AFTER_MS;
  const running = run.status === "previewing" || run.status === "importing";
  if (running && !stale) return "running";
  if (!running && !(run.status === "failed" && run.error === SERVER_ERROR)) return "not-resumable";
  if (!(await uploadExists(id))) return "file-gone";
  const stage = run.status === "previewing" || (run.status === "failed" && run.preview === null) ? "preview" : "apply";
  // The row as it was read: whoever changes it first wins, the other gets "running".
  const { count } = await db().importRun.updateMany({
    where: { id, status: run.status, updatedAt: run.updatedAt },
    data: { status: stage === "preview" ? "previewing" : "importing", error: null, updatedAt: now },
  });
  if (count === 0) return "running";
  void runStage(id, stage, actor);
  return "resumed";
}

async function runStage(id: string, stage: "preview" | "apply", actor: Actor): Promise<void> {
  const status = stage === "preview" ? "previewing" : "importing";
  const dryRun = stage === "preview";
  const progress = progressWriter(id, status);
  const heartbeat = setInterval(() => progress.touch(), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const run = await db().importRun.findUniqueOrThrow({ where: { id }, select: { kind: true, options: true } });
    const options = run.options as RunOptions;
    const path = uploadPath(id);
    const report =
      run.kind === "members"
        ? await importMembers(path, {
            dryRun,
            actor,
            sendWelcome: !dryRun && options.sendWelcome,
            onProgress: (done: number) => progress.write(done, 0),
          })
        : await importPosts(path, {
            dryRun,
            actor,
            drafts: options.drafts,
            format: options.format,
            onProgress: (made) => progress.write(made.done, made.phase === "importing" ? made.total : 0),
          });
    clearInterval(heartbeat);
    await progress.settled();
    const stored = JSON.parse(JSON.stringify(report)) as Prisma.InputJsonObject;
    await db().importRun.updateMany({
      where: { id, status },
      data: dryRun
        ? { status: "previewed", preview: stored, updatedAt: new Date() }
        : { status: "done", report: stored, updatedAt: new Date() },
    });
    if (!dryRun) await removeUpload(id);
  } catch (error) {
    clearInterval(heartbeat);
    await progress.settled();
    const refused = error instanceof ImportFileError;
    if (!refused) log("error", "import-run-failed", { runId: id, stage, ...describeError(error) });
    await db()
      .importRun.updateMany({
        where: { id, status },
        data: { status: "failed", error: refused ? error.message : SERVER_ERROR, updatedAt: new Date() },
      })
      .catch((failure: unknown) => log("error", "import-run-not-recorded", { runId: id, ...describeError(failure) }));
    // A refused file will not import however often it is tried; a server error may pass.
    if (refused) await removeUpload(id).catch(() => {});
  }
}

/** Progress on the row, at most once a second; `touch` only says the run is alive. */
function progressWriter(id: string, status: RunStatus) {
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  const save = (data: Prisma.ImportRunUpdateManyMutationInput) => {
    lastWrite = Date.now();
    writing = writing
      .then(() => db().importRun.updateMany({ where: { id, status }, data: { ...data, updatedAt: new Date() } }))
      .then(
        () => {},
        (error: unknown) => log("warn", "import-progress-not-written", { runId: id, ...describeError(error) }),
      );
  };
  return {
    write(done: number, total: number) {
      if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) save({ progressDone: done, progressTotal: total });
    },
    touch() {
      if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) save({});
    },
    settled: () => writing,
  };
}
