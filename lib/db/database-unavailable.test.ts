import { EventEmitter } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, watchForLostConnections } from "./database-unavailable";

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    ["connection refused", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"), true],
    ["server shut down", withCode("terminating connection due to administrator command", "57P01"), true],
    ["starting up", withCode("the database system is starting up", "57P03"), true],
    // Only one a watched pool saw end a connection counts (see the integration test).
    ["an error that merely reads like a cut connection", new Error("Connection terminated unexpectedly"), false],
    [
      "Prisma's raw query that could not connect",
      Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), {
        code: "P2010",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
      }),
      true,
    ],
    ["Prisma can't reach", withCode("Can't reach database server at 127.0.0.1:5499", "P1001"), true],
    ["adapter error kind", Object.assign(new Error("x"), { cause: { kind: "DatabaseNotReachable" } }), true],
    [
      "wrapped by Auth.js",
      Object.assign(new Error("SessionTokenError"), { cause: { err: withCode("x", "P1001") } }),
      true,
    ],
    ["unique violation", withCode("duplicate key value violates unique constraint", "23505"), false],
    ["a bug", new TypeError("cannot read properties of undefined"), false],
    ["not an error", "ECONNREFUSED", false],
  ])("%s -> %s", (_label, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});

describe("a client whose connection ended", () => {
  // A stand-in for node-postgres's pool and client: the events and the
  // query's promise are what the watch sees of them.
  function watchedClient() {
    const pool = Object.assign(new EventEmitter(), { connect: () => Promise.resolve() });
    watchForLostConnections(pool);
    const client = Object.assign(new EventEmitter(), {
      query: async (text: string): Promise<never> => {
        throw new Error(`Client has encountered a connection error and is not queryable (${text})`);
      },
    });
    pool.emit("connect", client);
    return client;
  }

  it("gives errors afterwards that count as the database being unavailable (the ROLLBACK after a cut)", async () => {
    const client = watchedClient();
    client.emit("error", new Error("Connection terminated unexpectedly"));
    const error = await client.query("ROLLBACK").catch((thrown: unknown) => thrown);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("but a query's error on a client whose connection is fine is its own", async () => {
    const client = watchedClient();
    const error = await client.query("SELECT 1").catch((thrown: unknown) => thrown);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("a connection that ends while it is being opened", () => {
  // A real node-postgres pool against a server that accepts and hangs up at
  // once, as PostgreSQL does while it shuts down: the error goes to the
  // caller of connect and is never emitted.
  async function withHangingUpServer(run: (pool: pg.Pool) => Promise<void>) {
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const pool = new pg.Pool({ host: "127.0.0.1", port, user: "folio", database: "folio" });
    watchForLostConnections(pool);
    try {
      await run(pool);
    } finally {
      await pool.end();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("counts as the database being unavailable through the pool's query (callback form)", async () => {
    await withHangingUpServer(async (pool) => {
      const error = await pool.query("SELECT 1").catch((thrown: unknown) => thrown);
      expect((error as Error).message).toMatch(/terminated/);
      expect(isDatabaseUnavailable(error)).toBe(true);
    });
  });

  it("and through connect's promise, as Prisma's transactions call it", async () => {
    await withHangingUpServer(async (pool) => {
      const error = await pool.connect().catch((thrown: unknown) => thrown);
      expect(isDatabaseUnavailable(error)).toBe(true);
    });
  });
});
