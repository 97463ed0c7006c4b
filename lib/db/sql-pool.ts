// A plain node-postgres pool beside the Prisma client, for the few hot paths
// where Prisma's own work per query (about a millisecond of CPU, measured)
// outweighs the query: newsletter sending runs one statement per message.
// Same database, same settings; everything else goes through db().
import pg from "pg";
import { env } from "@/lib/config/env";
import { watchForLostConnections } from "./database-unavailable";

const globalForPool = globalThis as unknown as { folioSqlPool?: pg.Pool };

export function sqlPool(): pg.Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Folio with `npm start`, which opens the embedded database");
  if (!globalForPool.folioSqlPool) {
    globalForPool.folioSqlPool = new pg.Pool({ connectionString: url, max: 10 });
    watchForLostConnections(globalForPool.folioSqlPool);
  }
  return globalForPool.folioSqlPool;
}
