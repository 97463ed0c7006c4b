// The embedded PostgreSQL used when no DATABASE_URL is set: PGlite with its
// data in a folder, served over TCP so that Prisma, pg-boss and psql talk to it
// exactly as they talk to a PostgreSQL server.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";
import { EMBEDDED_MAX_CONNECTIONS } from "../connection-budget";
import { SyncBatchingQueue } from "./sync-batching-queue";

export type EmbeddedPostgres = {
  url: string;
  dataDir: string;
  /** True when another process already serves this data folder. */
  shared: boolean;
  stop(): Promise<void>;
};

type LockFile = { pid: number; port: number };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readLock(lockPath: string): LockFile | undefined {
  try {
    const lock = JSON.parse(readFileSync(lockPath, "utf8")) as LockFile;
    return isAlive(lock.pid) ? lock : undefined;
  } catch {
    return undefined;
  }
}

function urlFor(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/**
 * Opens the embedded database in `dataDir` (or in memory for `memory://`).
 * PGlite must only ever be opened by one process, so a running server's lock
 * file is honoured: a second process (`npm run seed` beside `npm start`)
 * connects to the first one's socket instead of opening the folder again.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  const inMemory = dataDir === "memory://";
  const absolute = inMemory ? dataDir : path.resolve(dataDir);
  const lockPath = path.join(absolute, "folio-embedded.json");
  if (!inMemory) {
    mkdirSync(absolute, { recursive: true });
    const running = readLock(lockPath);
    if (running) {
      return { url: urlFor(running.port), dataDir: absolute, shared: true, stop: async () => {} };
    }
  }

  const db = await PGlite.create(inMemory ? undefined : path.join(absolute, "pgdata"));
  const queue = new SyncBatchingQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket) => {
    // A server process holds at most FOLIO_DB_CONNECTIONS; the rest is room
    // for scripts and tests beside it (lib/db/connection-budget.ts).
    if (handlers.size >= EMBEDDED_MAX_CONNECTIONS) {
      socket.destroy();
      return;
    }
    // The handler only uses the queue's public surface, which ours matches.
    const handler = new PGLiteSocketHandler({
      queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]["queryQueue"],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("embedded PostgreSQL: no TCP address");
  if (!inMemory) writeFileSync(lockPath, JSON.stringify({ pid: process.pid, port: address.port } satisfies LockFile));

  let stopped = false;
  return {
    url: urlFor(address.port),
    dataDir: absolute,
    shared: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const handler of handlers) await handler.detach(true);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      if (!inMemory) rmSync(lockPath, { force: true });
    },
  };
}
