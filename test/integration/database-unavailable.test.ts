// A connection cut under a query, as a network failure or a crashed server
// cuts it, is told apart from a bug by the error's identity: node-postgres
// gives it no code, and its text is not relied on.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, expect, it } from "vitest";
import { isDatabaseUnavailable, watchForLostConnections } from "@/lib/db/database-unavailable";
import { PrismaClient } from "@/lib/db/generated/client";
import { startTcpProxy, type TcpProxy } from "../fixtures/tcp-proxy";
import { testDatabaseUrl } from "../fixtures/test-database";

let proxy: TcpProxy | undefined;
let pool: pg.Pool | undefined;

afterEach(async () => {
  await proxy?.close();
  await pool?.end().catch(() => {});
});

it("recognises a query whose connection was cut, through Prisma, as the database being unavailable", async () => {
  proxy = await startTcpProxy(testDatabaseUrl());
  pool = new pg.Pool({ connectionString: proxy.url, max: 1 });
  watchForLostConnections(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  await prisma.$queryRaw`SELECT 1`;
  const running = prisma.$queryRaw`SELECT pg_sleep(5)`.then(
    () => null,
    (error: unknown) => error,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  await proxy.cut();
  const error = await running;
  expect(error).toBeInstanceOf(Error);
  expect(isDatabaseUnavailable(error)).toBe(true);
  // And while it stays away, the next query's failure too.
  const next = await prisma.$queryRaw`SELECT 1`.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(isDatabaseUnavailable(next)).toBe(true);
  // A query that fails for its own reasons is not.
  await proxy.restore();
  const bad = await prisma.$queryRaw`SELECT no_such_column FROM users`.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(isDatabaseUnavailable(bad)).toBe(false);
});
