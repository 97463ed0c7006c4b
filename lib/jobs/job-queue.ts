// The process's one pg-boss: durable jobs and cron schedules on the same
// PostgreSQL. A web server with JOBS=on starts it as a worker (lib/workers);
// anywhere else (a server with JOBS=off, a script, a test) it starts on first
// use as a sender only, without maintenance or cron. Either way there is one
// per process, with one pool of the connection budget's size
// (lib/db/connection-budget.ts).
import PgBoss from "pg-boss";
import { env } from "@/lib/config/env";
import { APPLICATION_NAMES, connectionBudget } from "@/lib/db/connection-budget";
import { log } from "@/lib/observability/log";

type Role = "sender" | "worker";
type Slot = { boss: PgBoss; role: Role; started?: Promise<PgBoss> };

// On globalThis, not in module state: Next.js bundles lib/ into several
// server chunks (pages, route handlers), and the web server's own code is
// loaded apart from all of them, so each would otherwise hold a pg-boss, and
// a pool, of its own. The same reason as the Prisma client's (lib/db/prisma.ts).
const processGlobals = globalThis as unknown as { folioJobQueue?: Slot };

function build(role: Role, cron = role === "worker"): Slot {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: background jobs need the database's job queue");
  const boss = new PgBoss({
    connectionString: url,
    max: connectionBudget().jobs,
    application_name: APPLICATION_NAMES.jobs,
    // A sender leaves maintenance and the cron schedules to the workers.
    supervise: role === "worker",
    schedule: cron,
  });
  boss.on("error", (error) => log("error", "jobs", { message: error.message }));
  return { boss, role };
}

function slot(): Slot {
  processGlobals.folioJobQueue ??= build("sender");
  return processGlobals.folioJobQueue;
}

/**
 * The process's pg-boss, perhaps not started: enough to build a job's
 * statements for sending through another connection (send-in-transaction.ts).
 * Building one opens no connection.
 */
export function jobStatements(): PgBoss {
  return slot().boss;
}

/** The process's pg-boss, started. */
export function jobQueue(): Promise<PgBoss> {
  const current = slot();
  current.started ??= current.boss.start().catch((error: unknown) => {
    // pg-boss cannot be started twice: the next use builds a new one (the
    // database may be back by then).
    if (processGlobals.folioJobQueue === current) processGlobals.folioJobQueue = undefined;
    throw error;
  });
  return current.started;
}

/**
 * Starts the process's pg-boss as a worker: with maintenance and (unless
 * `cron: false`, for a worker that only sends) the cron schedules. A sender
 * started earlier in this process is stopped first.
 */
export async function startJobWorker(options: { cron?: boolean } = {}): Promise<PgBoss> {
  const current = processGlobals.folioJobQueue;
  if (current?.role === "worker") return jobQueue();
  if (current?.started) await stopJobQueue();
  processGlobals.folioJobQueue = build("worker", options.cron ?? true);
  return jobQueue();
}

/** Stops the process's pg-boss (shutdown, scripts, tests); the next use starts a new one. */
export async function stopJobQueue(options: { graceful?: boolean; timeout?: number } = {}): Promise<void> {
  const current = processGlobals.folioJobQueue;
  if (!current) return;
  processGlobals.folioJobQueue = undefined;
  if (!current.started) return;
  const boss = await current.started.catch(() => null);
  await boss
    ?.stop({ graceful: options.graceful ?? false, wait: true, timeout: options.timeout ?? 10_000 })
    .catch(() => {});
}
