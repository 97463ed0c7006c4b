// Sends a pg-boss job inside a Prisma transaction, so that the job exists if
// and only if the change that needs it was committed. pg-boss writes the job
// with its own SQL through the transaction's connection (its `db` option);
// the process's pg-boss (job-queue.ts) only builds the statement, so sending
// here needs no connection of pg-boss's own and need not wait for it to start.
import type { Prisma } from "@/lib/db/generated/client";
import { jobStatements } from "./job-queue";

// pg-boss passes undefined for options it leaves to the queue, and the job's
// data as an object; node-postgres would turn those into NULL and JSON itself.
function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

/**
 * The job's id, or null when it was not sent: pg-boss's tables do not exist
 * yet (no job runner ever started on this database) or the queue does not.
 * Callers must not depend on the job alone (see the scheduled publishing sweep).
 */
export async function sendInTransaction(
  tx: Prisma.TransactionClient,
  queue: string,
  data: Record<string, string>,
  options: { startAfter?: Date } = {},
): Promise<string | null> {
  const [installed] = await tx.$queryRaw<{ ready: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS ready`;
  if (!installed?.ready) return null;
  const db = {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await tx.$queryRawUnsafe<{ id: string }[]>(text, ...values.map(parameter)),
    }),
  };
  return jobStatements().send(queue, data, { ...options, db });
}
