// Page views and paywall panels, counted in the web server's memory and added
// to the daily roll-up (insight_counts) in one statement per interval. A view
// costs the reader a Map increment: no cookie, no identifier, no query on
// the way to their page, and pages served from the page cache are counted
// the same way.
//
// Correct with several servers: each adds its own counts (count = count +
// excluded.count), so flushes of the same day and article from two servers
// add up. Exact up to the flush interval: a server that dies loses what it
// counted since its last flush. A flush that fails (PostgreSQL away) keeps
// its counts for the next one; past MAX_KEYS distinct keys new ones are
// dropped rather than letting an outage grow the server's memory.
import { addDays, calendarDayOf, startOfDay } from "@/lib/calendar/calendar-day";
import { db } from "@/lib/db/prisma";
import { NO_ARTICLE } from "./insight-metrics";

const MAX_KEYS = 200_000;

type Pending = { day: string; metric: string; articleId: string; count: number };

export type InsightCounter = {
  add(metric: string, articleId: string | null, at?: Date): void;
  /** Adds what was counted to the roll-up; resolves once it is written (or kept for the next flush). */
  flush(): Promise<void>;
  /** Flushes every `intervalMs` until stop(), which flushes once more. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
  /** How many counts wait for the next flush (for tests and the log). */
  pending(): number;
};

export type CounterOptions = {
  timeZone: string;
  /** Writes a batch; tests pass a failing one. */
  write?: (rows: Pending[]) => Promise<void>;
  onError?: (error: unknown, kept: number) => void;
};

export function insightCounter({ timeZone, write = writeCounts, onError = () => {} }: CounterOptions): InsightCounter {
  let counts = new Map<string, Pending>();
  // The day of the instants counted, and when it ends: worked out in the
  // time zone once a day, not once a view (that took 6 µs a view).
  let today = { day: "", from: 0, until: 0 };
  const dayOf = (at: Date) => {
    const time = at.getTime();
    if (time >= today.from && time < today.until) return today.day;
    const day = calendarDayOf(at, timeZone);
    today = { day, from: startOfDay(day, timeZone).getTime(), until: startOfDay(addDays(day, 1), timeZone).getTime() };
    return day;
  };
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  function merge(into: Map<string, Pending>, row: Pending) {
    const key = `${row.day}|${row.metric}|${row.articleId}`;
    const existing = into.get(key);
    if (existing) existing.count += row.count;
    else if (into.size < MAX_KEYS) into.set(key, { ...row });
  }

  async function flushOnce(): Promise<void> {
    if (counts.size === 0) return;
    const batch = counts;
    counts = new Map();
    try {
      await write([...batch.values()]);
    } catch (error) {
      // Kept for the next flush, with what was counted meanwhile.
      for (const row of batch.values()) merge(counts, row);
      onError(error, batch.size);
    }
  }

  return {
    add(metric, articleId, at = new Date()) {
      merge(counts, { day: dayOf(at), metric, articleId: articleId ?? NO_ARTICLE, count: 1 });
    },
    flush() {
      // One flush at a time: a second waits for the first, then writes what came after it.
      flushing = flushing.then(flushOnce);
      return flushing;
    },
    start(intervalMs) {
      timer ??= setInterval(() => void this.flush(), intervalMs);
      // Counting never keeps the process alive.
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await this.flush();
    },
    pending() {
      let total = 0;
      for (const row of counts.values()) total += row.count;
      return total;
    },
  };
}

/** One statement for the whole batch; additive, so servers flushing the same key both count. */
async function writeCounts(rows: Pending[]): Promise<void> {
  await db().$executeRaw`
    INSERT INTO insight_counts (day, metric, article_id, count)
    SELECT day, metric, article_id, count
    FROM unnest(${rows.map((row) => row.day)}::date[], ${rows.map((row) => row.metric)}::text[],
                ${rows.map((row) => row.articleId)}::uuid[], ${rows.map((row) => row.count)}::bigint[])
         AS batch(day, metric, article_id, count)
    ON CONFLICT (day, metric, article_id) DO UPDATE SET count = insight_counts.count + excluded.count`;
}
