// How many PostgreSQL connections one Folio server process may hold, and how
// they are split between its pools. One setting, FOLIO_DB_CONNECTIONS, is
// the whole process's ceiling, so that an operator running N servers can add
// them up against max_connections (docs/deployment.md, "Database
// connections"). Every pool a process opens takes its size from here and
// names itself with an application_name from here, so pg_stat_activity shows
// which pool holds which connection.
import { env, MIN_DB_CONNECTIONS } from "@/lib/config/env";

/** What each pool calls itself in pg_stat_activity.application_name. */
export const APPLICATION_NAMES = {
  /** Requests and everything else: Prisma and raw SQL share this pool (lib/db/app-pool.ts). */
  app: "folio-web",
  /** pg-boss: fetching, completing and scheduling jobs (lib/jobs/job-queue.ts). */
  jobs: "folio-jobs",
  /** The one connection that LISTENs for cache invalidations. */
  cache: "folio-cache",
} as const;

/**
 * The cache invalidation listener: one connection that LISTENs (a LISTEN
 * needs a connection of its own for as long as it listens, so it cannot come
 * from a pool) and runs the catch-up read after a reconnect on the same one.
 */
export const CACHE_LISTENER_CONNECTIONS = 1;

/**
 * pg-boss's pool. Its work is small statements (fetch a job, complete it,
 * maintenance, cron); the jobs themselves read and write through the app
 * pool. Two lets a fetch wait on no maintenance run; more buys nothing.
 */
export const JOB_CONNECTIONS = 2;

/**
 * The embedded database (lib/db/embedded/embedded-postgres.ts) accepts this
 * many connections at once and drops the socket of any beyond. It is one
 * process for everything: the server's budget, `npm run seed` and the other
 * scripts beside it, and the test runner's processes all count against it.
 */
export const EMBEDDED_MAX_CONNECTIONS = 100;

/** Kept free on the embedded database for scripts, the test runner and psql. */
export const EMBEDDED_RESERVE = 20;

export type ConnectionBudget = {
  /** FOLIO_DB_CONNECTIONS: the process's ceiling; the three below add up to it. */
  total: number;
  app: number;
  jobs: number;
  cacheListener: number;
};

/** Splits a process's ceiling between its pools. */
export function splitConnections(total: number): ConnectionBudget {
  if (!Number.isInteger(total) || total < MIN_DB_CONNECTIONS) {
    throw new RangeError(`a server needs at least ${MIN_DB_CONNECTIONS} database connections, not ${total}`);
  }
  const cacheListener = CACHE_LISTENER_CONNECTIONS;
  const jobs = JOB_CONNECTIONS;
  return { total, app: total - jobs - cacheListener, jobs, cacheListener };
}

/** Refuses a budget the embedded database could not serve beside its scripts and tests. */
export function checkEmbeddedBudget(total: number): void {
  const room = EMBEDDED_MAX_CONNECTIONS - EMBEDDED_RESERVE;
  if (total > room) {
    throw new RangeError(
      `FOLIO_DB_CONNECTIONS=${total} is more than the embedded database can serve beside its scripts (${room}); lower it or set DATABASE_URL`,
    );
  }
}

/** This process's budget, from FOLIO_DB_CONNECTIONS. */
export function connectionBudget(): ConnectionBudget {
  const settings = env();
  if (settings.FOLIO_DATABASE_KIND === "embedded") checkEmbeddedBudget(settings.FOLIO_DB_CONNECTIONS);
  return splitConnections(settings.FOLIO_DB_CONNECTIONS);
}
