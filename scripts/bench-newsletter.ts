// `npm run bench:newsletter [-- --recipients 10000 --maildev --smtp-port N]`:
// sends one Daily Review to generated subscribers through the real path
// (startIssueSend: render once, write the send log; pg-boss batch jobs; a
// worker in this process claiming, sending and marking each recipient) into a
// local SMTP sink that counts what it accepts (smtp-server), or MailDev with
// --maildev. Prints the time and the rate. Not a test.
//
// Database: `folio_newsletter_bench` on the PostgreSQL server in DATABASE_URL
// (dropped and created anew each run), or, with no DATABASE_URL, an embedded
// PostgreSQL in memory.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { openBenchDatabase } from "./lib/bench-database";
import { CUT_COLUMNS, cutValues, storedCut } from "../lib/articles/stored-cut";
import { startMailDev } from "./lib/maildev";

const log = (line: string) => console.log(`[bench:newsletter] ${line}`);
const root = path.resolve(import.meta.dirname, "..");
const DATABASE = "folio_newsletter_bench";

function options() {
  const { values } = parseArgs({
    options: {
      recipients: { type: "string", default: "10000" },
      maildev: { type: "boolean", default: false },
      "smtp-port": { type: "string", default: "0" },
      "web-port": { type: "string", default: "0" },
    },
  });
  const recipients = Number(values.recipients);
  if (!Number.isSafeInteger(recipients) || recipients < 1)
    throw new Error("--recipients must be a positive whole number");
  return {
    recipients,
    maildev: values.maildev ?? false,
    smtpPort: Number(values["smtp-port"]),
    webPort: Number(values["web-port"]),
  };
}

const ISSUE_DATE = "2024-06-04"; // a Tuesday: the Daily Review covers Monday 3 June

async function fill(url: string, recipients: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (email, email_verified, comp_until)
       SELECT 'bench-' || n || '@example.org', now(), now() + interval '1 year' FROM generate_series(1, $1) AS n`,
      [recipients],
    );
    const author = await client.query<{ id: string }>(
      "INSERT INTO authors (slug, name) VALUES ('bench-desk', 'The Bench Desk') RETURNING id",
    );
    const paragraph =
      "Ministers met again on Monday to discuss the budget, and officials said a decision on the levy would follow within weeks, though several members of the committee doubted it.";
    for (let index = 0; index < 5; index += 1) {
      const body = Array.from({ length: 8 }, (_, p) => (p === 3 ? "<!-- paywall -->" : paragraph)).join("\n\n");
      const article = await client.query<{ id: string }>(
        `INSERT INTO articles (slug, title, dek, body, kind, status, free, published_at, ${CUT_COLUMNS})
         VALUES ($1, $2, 'What the week in the committee means.', $3, 'daily', 'published', false, $4,
                 $5, $6, $7, $8, $9) RETURNING id`,
        [
          `bench-article-${index}`,
          `Benchmark Analysis Number ${index + 1}`,
          body,
          new Date(Date.parse("2024-06-03T08:00:00Z") + index * 3_600_000),
          ...cutValues(storedCut(body)),
        ],
      );
      await client.query("INSERT INTO article_authors (article_id, author_id) VALUES ($1, $2)", [
        article.rows[0]!.id,
        author.rows[0]!.id,
      ]);
    }
  } finally {
    await client.end();
  }
}

type SinkProcess = { url: string; accepted(): Promise<number>; stop(): Promise<void> };

/** The SMTP sink (scripts/lib/smtp-sink-main.ts) in a process of its own, as a relay would be. */
async function startSinkProcess(port: number): Promise<SinkProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/lib/smtp-sink-main.ts"), String(port)],
    {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf("\n"); end !== -1; end = buffered.indexOf("\n")) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : waiters.push(resolve)));
  const listening = await nextLine();
  const actualPort = Number(listening.split(" ")[1]);
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    async accepted() {
      child.stdin!.write("count\n");
      return Number((await nextLine()).split(" ")[1]);
    },
    async stop() {
      child.stdin!.write("stop\n");
      await once(child, "exit");
    },
  };
}

async function main(): Promise<void> {
  const { recipients, maildev, smtpPort, webPort } = options();
  const database = await openBenchDatabase(DATABASE);
  log(`database: ${database.description}`);
  const sink = maildev ? null : await startSinkProcess(smtpPort);
  const mail = maildev ? await startMailDev(root, { smtp: smtpPort || 1725, web: webPort || 1780 }) : null;
  log(`mail: ${sink ? `SMTP sink (smtp-server, a process of its own) at ${sink.url}` : `MailDev at ${mail!.webUrl}`}`);
  // The app's modules read their settings on first use.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    SMTP_URL: sink ? sink.url : mail!.smtpUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString("base64"),
    PUBLIC_URL: process.env.PUBLIC_URL ?? "http://localhost:3000",
    PUBLICATION_TIMEZONE: "UTC",
  });
  let stopJobs: (() => Promise<void>) | undefined;
  try {
    await migrateDatabase(database.url);
    await fill(database.url, recipients);
    const { env } = await import("../lib/config/env");
    const { registerNewsletterJobs } = await import("../lib/newsletters/newsletter-jobs");
    const { startIssueSend } = await import("../lib/newsletters/start-send");
    const { COMMAND_LINE } = await import("../lib/auth/actor");
    const { db } = await import("../lib/db/prisma");
    const { startJobWorker, stopJobQueue } = await import("../lib/jobs/job-queue");
    const boss = await startJobWorker({ cron: false });
    stopJobs = () => stopJobQueue();
    const close = await registerNewsletterJobs(boss, () => {}, { schedule: false });
    const settings = env();
    log(
      `${recipients} recipients; batches of ${settings.NEWSLETTER_BATCH_SIZE}; ${settings.NEWSLETTER_SMTP_CONNECTIONS} SMTP connections; ` +
        `${os.cpus().length} CPU cores; Node ${process.version}`,
    );

    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    const result = await startIssueSend(COMMAND_LINE, "daily_review", { issueDate: ISSUE_DATE });
    if (result.kind !== "started") throw new Error(`the issue did not start: ${result.kind}`);
    const prepared = Date.now();
    const issue = await db().newsletterIssue.findUniqueOrThrow({ where: { id: result.issueId } });
    log(
      `prepared in ${((prepared - started) / 1000).toFixed(2)} s: rendered once (${Math.round(issue.html!.length / 1024)} KB of HTML), ${result.recipients} send-log rows`,
    );
    for (;;) {
      const { status } = await db().newsletterIssue.findUniqueOrThrow({
        where: { id: result.issueId },
        select: { status: true },
      });
      if (status === "sent") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const finished = Date.now();
    const counts = await db().newsletterDelivery.groupBy({
      by: ["status"],
      where: { issueId: result.issueId },
      _count: true,
    });
    const seconds = (finished - started) / 1000;
    const sendSeconds = (finished - prepared) / 1000;
    log(`send log: ${counts.map((row) => `${row._count} ${row.status}`).join(", ")}`);
    if (sink) log(`SMTP sink accepted ${await sink.accepted()} messages`);
    const cpu = process.cpuUsage(cpuBefore);
    log(
      `CPU time in this process (renderer, worker): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load average now ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(", ")}`,
    );
    log(
      `total ${seconds.toFixed(1)} s, ${Math.round(recipients / seconds)} messages/s (sending alone ${sendSeconds.toFixed(1)} s, ${Math.round(recipients / sendSeconds)} messages/s)`,
    );
    close();
    await db().$disconnect();
  } finally {
    await stopJobs?.();
    await sink?.stop();
    mail?.stop();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench:newsletter] ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
