// Tells a failure to reach PostgreSQL (down, restarting, refusing
// connections, a connection cut mid-query) from every other error, so that
// it can be answered 503 "try again" instead of 500. The error may come from
// node-postgres, from Prisma's pg adapter, from Prisma itself or wrapped by
// Auth.js; the causes are followed. Errors are told by their codes and kinds,
// never by their text.
const CODES = new Set([
  // Node sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, connection_* class 08
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // Prisma: can't reach, timed out, server closed the connection, pool timeout
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

// node-postgres reports a connection that ended under a query ("Connection
// terminated unexpectedly") with a plain Error: no code, no kind. The same
// object is emitted on the client, where watchForLostConnections records it,
// and thrown to the query (Prisma passes it on as it is), so it is recognised
// by identity rather than by its text. Kept once per process (globalThis):
// the pool and the code that catches may be in different bundles.
const LOST = Symbol.for("folio.db.lost-connection-errors");
const holder = globalThis as { [LOST]?: WeakSet<object> };
const lostConnectionErrors = (holder[LOST] ??= new WeakSet());

type WatchedClient = {
  on(event: "error", listener: (error: Error) => void): unknown;
  query: (...args: never[]) => unknown;
};

type Watchable = {
  on(event: "connect", listener: (client: WatchedClient) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  connect: (...args: never[]) => unknown;
};

type ConnectCallback = (error: unknown, ...rest: unknown[]) => void;

/**
 * Records the errors with which `pool`'s connections end, for
 * isDatabaseUnavailable, and the errors a client whose connection ended
 * gives afterwards: node-postgres answers a query on such a client (the
 * ROLLBACK of a transaction the cut interrupted) with a new plain Error,
 * "Client has encountered a connection error and is not queryable", which
 * would otherwise surface as a 500 while the database restarts.
 */
export function watchForLostConnections(pool: Watchable): void {
  const record = (error: unknown) => {
    if (error !== null && typeof error === "object") lostConnectionErrors.add(error);
  };
  pool.on("error", record);
  // A connection that PostgreSQL closes while it is being opened (a server
  // shutting down accepts, then hangs up) fails the pool's connect with the
  // same plain "Connection terminated unexpectedly", handed to the caller
  // and never emitted. Errors with a code are told by their code; the pool
  // uses both the callback form (its own query) and the promise form
  // (Prisma's transactions).
  const recordUncoded = (error: unknown) => {
    if (error !== null && typeof error === "object" && typeof (error as { code?: unknown }).code !== "string")
      record(error);
  };
  const connect = pool.connect as (...args: unknown[]) => unknown;
  pool.connect = function (this: unknown, ...args: unknown[]) {
    const [callback] = args;
    if (typeof callback === "function")
      return connect.call(this, (error: unknown, ...rest: unknown[]) => {
        if (error) recordUncoded(error);
        (callback as ConnectCallback)(error, ...rest);
      });
    const result = connect.apply(this, args);
    if (result instanceof Promise)
      return result.catch((error: unknown) => {
        recordUncoded(error);
        throw error;
      });
    return result;
  } as Watchable["connect"];
  pool.on("connect", (client) => {
    let lost = false;
    client.on("error", (error) => {
      lost = true;
      record(error);
    });
    const query = client.query as (...args: unknown[]) => unknown;
    client.query = function (this: unknown, ...args: unknown[]) {
      const result = query.apply(this, args);
      if (result instanceof Promise)
        return result.catch((error: unknown) => {
          if (lost) record(error);
          throw error;
        });
      return result;
    } as WatchedClient["query"];
  });
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || error === null || typeof error !== "object") return false;
  if (lostConnectionErrors.has(error)) return true;
  const candidate = error as {
    code?: unknown;
    kind?: unknown;
    cause?: unknown;
    errors?: unknown;
    err?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof candidate.code === "string" && CODES.has(candidate.code)) return true;
  if (typeof candidate.kind === "string" && KINDS.has(candidate.kind)) return true;
  if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  // Auth.js wraps the adapter's error as { cause: { err } }; Prisma a raw
  // query's driver error as { meta: { driverAdapterError: { cause: { kind } } } }.
  return [candidate.cause, candidate.err, candidate.meta?.driverAdapterError].some((inner) =>
    isDatabaseUnavailable(inner, depth + 1),
  );
}

/** Thrown where a library swallowed a database failure that must not pass for "nobody signed in". */
export class DatabaseUnavailableError extends Error {
  readonly code = "P1001";
  constructor(message = "The database could not be reached") {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}
