// The one Prisma client of the web app, over node-postgres (Prisma 7 driver
// adapter). DATABASE_URL is always set here: `npm start` sets it to the
// embedded database when the operator did not.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/config/env";
import { watchForLostConnections } from "./database-unavailable";
import { PrismaClient } from "./generated/client";

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: start Folio with `npm start`, which opens the embedded database");
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  watchForLostConnections(pool);
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

// Next.js reloads modules in development; keep one pool per process.
const globalForPrisma = globalThis as unknown as { folioPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.folioPrisma ??= createClient();
  return globalForPrisma.folioPrisma;
}

export type { PrismaClient };
export { Prisma } from "./generated/client";
