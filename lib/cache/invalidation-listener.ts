// Keeps this process's tag clock (tag-clock.ts) told of every change made on
// any server, so that what it caches is never served after a change.
//
// On a PostgreSQL server it holds one connection that LISTENs on the
// invalidation channel: each notification names a tag, heard within
// milliseconds of the commit. A heartbeat query every few seconds notices a
// connection that died quietly, and reads the database's clock. When the
// connection is lost the clock stops vouching at once (every read goes to the
// database), and after reconnecting the listener reads the rows of
// cache_tag_invalidations changed since its last heartbeat before it vouches
// again: what changed while it was away is not missed.
//
// On the embedded database (PGlite) every connection shares one session, and a
// notification reaches the connection that sent it, not the one listening
// (measured with two pg clients on lib/db/embedded). There is only one app
// server there, whose own changes reach its clock directly; the listener reads
// the table once a second instead, for what scripts beside it change.
import pg from "pg";
import { APPLICATION_NAMES } from "@/lib/db/connection-budget";
import type { Fields } from "@/lib/observability/log";
import { INVALIDATION_CHANNEL } from "./invalidate-tags";
import { noteTagChanges, setClockVouching } from "./tag-clock";

export type ListenerMode = "notify" | "poll";

export type InvalidationListener = {
  /** Resolves once the listener has caught up and the clock vouches (or rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

export type ListenerOptions = {
  databaseUrl: string;
  mode: ListenerMode;
  log?: (event: string, fields?: Fields) => void;
  /** How often the heartbeat (notify) or the read of the table (poll) runs. */
  intervalMs?: number;
};

const HEARTBEAT_MS = 5_000;
const POLL_MS = 1_000;
// Rows are read this far back from the last time seen: a transaction that
// took its timestamp before that moment may have committed after it.
const OVERLAP_MS = 10_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

export function startInvalidationListener(options: ListenerOptions): InvalidationListener {
  const interval = options.intervalMs ?? (options.mode === "notify" ? HEARTBEAT_MS : POLL_MS);
  const log = options.log ?? (() => {});
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let reconnectDelay = 100;
  // The database's clock at the last successful read: where a catch-up starts.
  let lastSeenDbTime: Date | null = null;
  // Per tag, the newest invalidated_at already applied: an old row read again
  // in the overlap is not news.
  const applied = new Map<string, number>();
  let waiters: (() => void)[] = [];
  let vouching = false;

  function vouch(on: boolean): void {
    vouching = on;
    setClockVouching(on);
    if (on) for (const resolve of waiters.splice(0)) resolve();
  }

  /** Applies the rows changed since the last read, and moves the read's starting point on. */
  async function catchUp(connection: pg.Client): Promise<void> {
    const first = lastSeenDbTime === null;
    // The first read only learns the recent rows, so that the next read does
    // not take them for news; nothing was cached before it.
    const { rows } = await connection.query<{ tag: string | null; at: Date | null; now: Date }>(
      `SELECT tag, invalidated_at AS at, clock_timestamp() AS now FROM cache_tag_invalidations
       WHERE invalidated_at > coalesce($1::timestamptz, clock_timestamp()) - $2 * interval '1 millisecond'
       UNION ALL SELECT NULL, NULL, clock_timestamp()`,
      [lastSeenDbTime, OVERLAP_MS],
    );
    const news: string[] = [];
    for (const { tag, at } of rows) {
      if (tag === null || at === null || (applied.get(tag) ?? 0) >= at.getTime()) continue;
      applied.set(tag, at.getTime());
      if (!first) news.push(tag);
    }
    noteTagChanges(news);
    lastSeenDbTime = rows[rows.length - 1]!.now;
  }

  async function heartbeat(connection: pg.Client): Promise<void> {
    const { rows } = await connection.query<{ now: Date }>("SELECT clock_timestamp() AS now");
    lastSeenDbTime = rows[0]!.now;
  }

  function lose(connection: pg.Client, reason: string): void {
    if (client !== connection) return;
    client = null;
    vouch(false);
    clearTimeout(timer);
    connection.removeAllListeners("notification");
    void connection.end().catch(() => {});
    if (stopped) return;
    log("cache-listener-lost", { reason, retryInMs: reconnectDelay });
    timer = setTimeout(connect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_DELAY_MS);
  }

  function tick(connection: pg.Client): void {
    timer = setTimeout(() => {
      const work = options.mode === "notify" ? heartbeat(connection) : catchUp(connection);
      work.then(
        () => client === connection && tick(connection),
        (error: unknown) => lose(connection, describe(error)),
      );
    }, interval);
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    const connection = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: APPLICATION_NAMES.cache,
      keepAlive: true,
    });
    client = connection;
    connection.on("error", (error) => lose(connection, describe(error)));
    connection.on("end", () => lose(connection, "connection ended"));
    try {
      await connection.connect();
      if (options.mode === "notify") {
        connection.on("notification", (message) => {
          if (message.channel === INVALIDATION_CHANNEL && message.payload) noteTagChanges([message.payload]);
        });
        // Listening first, then reading what changed before: nothing falls between.
        await connection.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      }
      await catchUp(connection);
      if (client !== connection) return;
      reconnectDelay = 100;
      vouch(true);
      log("cache-listener-ready", { mode: options.mode });
      tick(connection);
    } catch (error) {
      lose(connection, describe(error));
    }
  }

  void connect();

  return {
    ready(timeoutMs = 30_000) {
      if (vouching) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(
          () => reject(new Error(`the cache listener did not catch up within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push(() => {
          clearTimeout(timeout);
          resolve();
        });
      });
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const connection = client;
      client = null;
      vouch(false);
      waiters = [];
      await connection?.end().catch(() => {});
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
