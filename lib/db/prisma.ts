// The one Prisma client of the web app, over node-postgres (Prisma 7 driver
// adapter). DATABASE_URL is always set here: `npm start` sets it to the
// embedded database when the operator did not.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/config/env";
import { PrismaClient } from "./generated/client";

// An article's whole body and its gated part are loaded only by a query that
// names them: lib/access/read-article.ts (the gated part, for a "full"
// decision) and the newsroom's editor (docs/paywall.md).
const omit = {
  article: { body: true, gatedMarkdown: true },
  articleRevision: { body: true },
} as const;

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: start Folio with `npm start`, which opens the embedded database");
  }
  // Typed as the plain client: Prisma types a transaction's client without
  // the omit in any case, and lib passes both where it takes a
  // Prisma.TransactionClient. lib/access/gated-text-readers.test.ts checks
  // that nothing reads the omitted fields without naming them.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), omit }) as PrismaClient;
}

// Next.js reloads modules in development; keep one pool per process.
const globalForPrisma = globalThis as unknown as { folioPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.folioPrisma ??= createClient();
  return globalForPrisma.folioPrisma;
}

export type { PrismaClient };
export { Prisma } from "./generated/client";
