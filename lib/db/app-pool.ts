// The one node-postgres pool of a process: Prisma's pg adapter runs on it,
// and so do the few hot paths that skip Prisma (newsletter sending runs one
// statement per message, where Prisma's own work per query, about a
// millisecond of CPU, measured, outweighs the query). One pool rather than
// one each, so that the process's connections are the budget's
// (lib/db/connection-budget.ts) and not twice it.
import pg from "pg";
import { env } from "@/lib/config/env";
import { log } from "@/lib/observability/log";
import { APPLICATION_NAMES, connectionBudget } from "./connection-budget";
import { watchForLostConnections } from "./database-unavailable";

// On globalThis, not in module state: Next.js bundles this module into
// several server chunks (pages, route handlers, instrumentation), and each
// copy would otherwise open a pool of its own.
const globalForPool = globalThis as unknown as { folioAppPool?: pg.Pool };

function createPool(): pg.Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Folio with `npm start`, which opens the embedded database");
  const pool = new pg.Pool({
    connectionString: url,
    max: connectionBudget().app,
    application_name: APPLICATION_NAMES.app,
  });
  // An idle connection's error is PostgreSQL going away (a restart, a
  // failover). Without a listener it would end the process; the pool drops
  // the connection, and the next query reports the outage to its caller.
  pool.on("error", (error) =>
    log("warn", "database-connection-lost", { pool: APPLICATION_NAMES.app, message: error.message }),
  );
  watchForLostConnections(pool);
  return pool;
}

export function appPool(): pg.Pool {
  globalForPool.folioAppPool ??= createPool();
  return globalForPool.folioAppPool;
}
