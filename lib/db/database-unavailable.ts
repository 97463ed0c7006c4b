// Tells a failure to reach PostgreSQL (down, restarting, refusing
// connections, a connection cut mid-query) from every other error, so that
// it can be answered 503 "try again" instead of 500. The error may come from
// node-postgres, from Prisma's pg adapter, from Prisma itself or wrapped by
// Auth.js; the causes are followed.
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
const MESSAGES =
  /connection terminated|can't reach database server|ECONNREFUSED|ECONNRESET|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery|not yet accepting connections)|server has closed the connection|Client has encountered a connection error|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || error === null || typeof error !== "object") return false;
  const candidate = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    err?: unknown;
  };
  if (typeof candidate.code === "string" && CODES.has(candidate.code)) return true;
  if (typeof candidate.kind === "string" && KINDS.has(candidate.kind)) return true;
  if (typeof candidate.message === "string" && MESSAGES.test(candidate.message)) return true;
  if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  // Auth.js wraps the adapter's error as { cause: { err } }.
  return isDatabaseUnavailable(candidate.cause, depth + 1) || isDatabaseUnavailable(candidate.err, depth + 1);
}

/** Thrown where a library swallowed a database failure that must not pass for "nobody signed in". */
export class DatabaseUnavailableError extends Error {
  readonly code = "P1001";
  constructor(message = "The database could not be reached") {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}
