// The one Prisma client of the web app, over node-postgres (Prisma 7 driver
// adapter) on the process's one pool (app-pool.ts). DATABASE_URL is always
// set here: `npm start` sets it to the embedded database when the operator
// did not.
import { PrismaPg } from "@prisma/adapter-pg";
import { appPool } from "./app-pool";
import { PrismaClient } from "./generated/client";
import { guardTransactions } from "./transaction-scope";

// An article's whole body and its gated part are loaded only by a query that
// names them: lib/access/read-article.ts (the gated part, for a "full"
// decision) and the newsroom's editor (docs/paywall.md). The media keys of
// the gated part name images only its readers may fetch (lib/media).
const omit = {
  article: { body: true, gatedMarkdown: true, gatedMedia: true },
  articleRevision: { body: true },
} as const;

function createClient(): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg(appPool()),
    // Raw SQL shares the pool, so under load a transaction may wait its turn
    // for a connection longer than Prisma's default two seconds; a wait that
    // long is a queue, not a failure.
    transactionOptions: { maxWait: 10_000 },
    omit,
  });
  // Typed as the plain client: Prisma types a transaction's client without
  // the omit in any case, and lib passes both where it takes a
  // Prisma.TransactionClient. lib/access/gated-text-readers.test.ts checks
  // that nothing reads the omitted fields without naming them.
  return guardTransactions(client as PrismaClient);
}

// Next.js reloads modules in development and bundles this module into several
// chunks: keep one client per process.
const globalForPrisma = globalThis as unknown as { folioPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.folioPrisma ??= createClient();
  return globalForPrisma.folioPrisma;
}

export type { PrismaClient };
export { Prisma } from "./generated/client";
