// Sending newsletters for real: pg-boss jobs in a worker process of their
// own, SMTP to a local sink that counts what it accepted. Exactly once when
// the worker is killed mid-send; retries of temporary refusals and the
// suppression of addresses refused for good; what the free newsletter may
// carry; the one-click unsubscribe from the headers of the email received.
// One file, run in order: each test's worker and sink are its own.
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { POST as unsubscribePost } from "@/app/api/unsubscribe/[token]/route";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { stopJobQueue } from "@/lib/jobs/job-queue";
import { actorOf } from "@/lib/auth/actor";
import { nominalWindow, scheduleFrom } from "@/lib/newsletters/issue-schedule";
import { startIssueSend } from "@/lib/newsletters/start-send";
import { startSmtpSink, type SinkMessage, type SmtpSink } from "@/test/fixtures/smtp-sink";
import { uniqueSuffix } from "../fixtures/articles";
import {
  createFreeReader,
  createSubscriber,
  freshIssueDate,
  publishInWindow,
  startWorker,
  stopWorker,
  waitUntil,
  type WorkerProcess,
} from "../fixtures/newsletters";

// Small batches, so that an issue here spans several batch jobs. (The send
// log is batched where sending starts: in this process.)
process.env.NEWSLETTER_BATCH_SIZE = "10";

afterAll(async () => {
  await stopJobQueue();
});

async function editor() {
  const user = await db().user.create({ data: { email: `editor-${uniqueSuffix()}@example.org`, role: "editor" } });
  return actorOf(user);
}

function workerSettings(sink: SmtpSink, extra: Record<string, string> = {}): Record<string, string> {
  return { SMTP_URL: sink.url, NEWSLETTER_CLAIM_TIMEOUT_SECONDS: "2", ...extra };
}

/** The sink's messages of one issue (the Message-ID names the issue). */
function messagesOf(sink: SmtpSink, issueId: string): SinkMessage[] {
  return sink.accepted.filter((message) => message.messageId.startsWith(`<${issueId}.`));
}

async function deliveries(issueId: string) {
  return db().newsletterDelivery.findMany({ where: { issueId }, orderBy: { email: "asc" } });
}

async function issueStatus(issueId: string): Promise<string | undefined> {
  return (await db().newsletterIssue.findUnique({ where: { id: issueId }, select: { status: true } }))?.status;
}

const workers: WorkerProcess[] = [];
const sinks: SmtpSink[] = [];
afterAll(async () => {
  for (const worker of workers)
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
  for (const sink of sinks) await sink.stop();
});

describe("sending an issue", () => {
  it("reaches every recipient exactly once when the worker is killed mid-send and another takes over", async () => {
    const date = await freshIssueDate("daily_review");
    await publishInWindow("daily_review", date, { title: "The Harbour Tariff Explained" });
    for (let index = 0; index < 40; index += 1) await createSubscriber("exactly-once");

    // The sink holds this issue's 16th message (and any after it)
    // unanswered, waits until the worker has marked every message it did
    // answer, and then the worker is killed: at that moment some rows are
    // claimed and unanswered, some pending, and the rest sent. (Mail of any
    // other issue, left sending by an earlier run, passes.)
    let issueId = "";
    let released = false;
    let onHold: () => void = () => {};
    const held = new Promise<void>((resolve) => (onHold = resolve));
    const sink = await startSmtpSink({
      keep: true,
      beforeAccept: async (message) => {
        if (released || !issueId || !message.messageId.startsWith(`<${issueId}.`)) return;
        if (messagesOf(sink, issueId).length < 15) return;
        onHold();
        await new Promise<never>(() => {});
      },
    });
    sinks.push(sink);
    const first = await startWorker(workerSettings(sink, { NEWSLETTER_SMTP_CONNECTIONS: "3" }));
    workers.push(first);

    const started = await startIssueSend(await editor(), "daily_review", { issueDate: date });
    expect(started.kind).toBe("started");
    if (started.kind !== "started") return;
    issueId = started.issueId;
    const rows = await deliveries(started.issueId);
    expect(rows.length).toBe(started.recipients);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((row) => row.batch)).size).toBeGreaterThanOrEqual(4);

    await held;
    await waitUntil("every answered message is marked sent", async () => {
      const sent = await db().newsletterDelivery.count({ where: { issueId: started.issueId, status: "sent" } });
      return sent === messagesOf(sink, started.issueId).length;
    });
    first.child.kill("SIGKILL");
    await first.exited;

    const midway = await deliveries(started.issueId);
    const count = (status: string) => midway.filter((row) => row.status === status).length;
    expect(count("sent")).toBe(messagesOf(sink, started.issueId).length);
    expect(count("sent")).toBeGreaterThanOrEqual(15);
    expect(count("sending")).toBeGreaterThanOrEqual(1); // claimed by the dead worker, never answered
    expect(count("pending")).toBeGreaterThan(0);
    expect(await issueStatus(started.issueId)).toBe("sending");

    released = true;
    const second = await startWorker(workerSettings(sink, { NEWSLETTER_SMTP_CONNECTIONS: "3" }));
    workers.push(second);
    await waitUntil("the issue is sent", async () => (await issueStatus(started.issueId)) === "sent");
    await stopWorker(second);

    const final = await deliveries(started.issueId);
    expect(final.every((row) => row.status === "sent")).toBe(true);
    const received = messagesOf(sink, started.issueId);
    expect(received.length).toBe(final.length);
    for (const row of final) {
      const copies = received.filter((message) => message.to === row.email);
      expect(copies.map((copy) => copy.messageId)).toEqual([`<${started.issueId}.${row.userId}@localhost>`]);
    }
  }, 180_000);

  it("retries a temporary refusal with backoff, records a permanent one, and suppresses an address refused twice", async () => {
    const temporary = await createSubscriber("temporary");
    const permanent = await createSubscriber("permanent");
    const sink = await startSmtpSink({
      keep: true,
      refuse: (address, previous) => {
        if (address === temporary.email && previous < 2) return { code: 451, message: "4.3.0 Try again later" };
        if (address === permanent.email) return { code: 550, message: "5.1.1 No such mailbox" };
        return null;
      },
    });
    sinks.push(sink);
    const worker = await startWorker(
      workerSettings(sink, {
        NEWSLETTER_RETRY_SECONDS: "0.5",
        NEWSLETTER_MAX_ATTEMPTS: "5",
        NEWSLETTER_BOUNCE_LIMIT: "2",
      }),
    );
    workers.push(worker);
    const actor = await editor();

    const sendOne = async () => {
      const date = await freshIssueDate("daily_review");
      await publishInWindow("daily_review", date);
      const started = await startIssueSend(actor, "daily_review", { issueDate: date });
      if (started.kind !== "started") throw new Error(`not started: ${started.kind}`);
      await waitUntil("the issue is sent", async () => (await issueStatus(started.issueId)) === "sent");
      return started.issueId;
    };

    const firstIssue = await sendOne();
    const first = await deliveries(firstIssue);
    const retried = first.find((row) => row.userId === temporary.id)!;
    expect(retried).toMatchObject({ status: "sent", attempts: 3 });
    expect(sink.offers.get(temporary.email)).toBe(3);
    expect(messagesOf(sink, firstIssue).filter((message) => message.to === temporary.email)).toHaveLength(1);
    const refused = first.find((row) => row.userId === permanent.id)!;
    expect(refused).toMatchObject({ status: "failed", attempts: 1 });
    expect(refused.error).toContain("550");
    expect(await db().mailBounce.findUnique({ where: { userId: permanent.id } })).toMatchObject({
      bounces: 1,
      suppressedAt: null,
    });

    const secondIssue = await sendOne();
    expect((await deliveries(secondIssue)).find((row) => row.userId === permanent.id)).toMatchObject({
      status: "failed",
    });
    const bounce = await db().mailBounce.findUnique({ where: { userId: permanent.id } });
    expect(bounce).toMatchObject({ bounces: 2, email: permanent.email });
    expect(bounce?.suppressedAt).toBeInstanceOf(Date);

    // Suppressed: the next issue does not even try the address.
    const thirdIssue = await sendOne();
    const third = await deliveries(thirdIssue);
    expect(third.some((row) => row.userId === permanent.id)).toBe(false);
    expect(third.find((row) => row.userId === temporary.id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(sink.offers.get(permanent.email)).toBe(2);
    await stopWorker(worker);
  }, 180_000);
});

describe("what the newsletters carry", () => {
  it("the free newsletter has free articles whole and only previews of the rest; the Daily Review has them whole", async () => {
    const tag = uniqueSuffix();
    const gatedSentence = `The cabinet privately agreed to delay the pipeline vote ${tag}gated`;
    const previewSentence = `Officials met in the capital to discuss the pipeline ${tag}preview`;
    const freeSentence = `The free report found the grid upgrade on schedule ${tag}free`;
    const freeDate = await freshIssueDate("free");
    const body = [`${previewSentence}.`, "<!-- paywall -->", `${gatedSentence}.`, "More gated text follows."].join(
      "\n\n",
    );
    const gated = await publishInWindow("free", freeDate, { title: `Pipeline Vote Delayed ${tag}`, body });
    await publishInWindow("free", freeDate, {
      title: `Grid Upgrade ${tag}`,
      free: true,
      body: `Opening.\n\n${freeSentence}.`,
    });
    const reader = await createFreeReader("free-reader");
    const subscriber = await createSubscriber("review-reader");

    const sink = await startSmtpSink({ keep: true });
    sinks.push(sink);
    const worker = await startWorker(workerSettings(sink));
    workers.push(worker);
    const actor = await editor();

    const free = await startIssueSend(actor, "free", { issueDate: freeDate });
    if (free.kind !== "started") throw new Error(`not started: ${free.kind}`);
    await waitUntil("the free newsletter is sent", async () => (await issueStatus(free.issueId)) === "sent");
    const freeCopy = messagesOf(sink, free.issueId).find((message) => message.to === reader.email);
    expect(freeCopy).toBeDefined();
    const parsed = await simpleParser(freeCopy!.raw);
    for (const part of [parsed.html || "", parsed.text || "", freeCopy!.raw.toString("utf8")]) {
      expect(part).not.toContain(gatedSentence);
      expect(part).not.toContain(`${tag}gated`);
    }
    expect(parsed.text).toContain(previewSentence);
    expect(parsed.text).toContain(freeSentence);
    expect(parsed.html).toContain(`/articles/${gated.slug}`);
    expect(parsed.text).toContain("Continue reading");
    // Only readers who signed up get it.
    expect((await deliveries(free.issueId)).some((row) => row.userId === subscriber.id)).toBe(false);

    // The same article in the Daily Review, for subscribers: whole.
    const dailyDate = await freshIssueDate("daily_review");
    const dailyWindow = nominalWindow("daily_review", dailyDate, scheduleFrom(env()));
    await db().article.update({
      where: { id: gated.id },
      data: { publishedAt: new Date(dailyWindow.start.getTime() + 60_000) },
    });
    const daily = await startIssueSend(actor, "daily_review", { issueDate: dailyDate });
    if (daily.kind !== "started") throw new Error(`not started: ${daily.kind}`);
    await waitUntil("the Daily Review is sent", async () => (await issueStatus(daily.issueId)) === "sent");
    const dailyCopy = messagesOf(sink, daily.issueId).find((message) => message.to === subscriber.email);
    const dailyParsed = await simpleParser(dailyCopy!.raw);
    expect(dailyParsed.text).toContain(gatedSentence);
    expect((await deliveries(daily.issueId)).some((row) => row.userId === reader.id)).toBe(false);
    await stopWorker(worker);
  }, 180_000);
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("a POST to the List-Unsubscribe address unsubscribes without a session; again, it says so; a forged one changes nothing", async () => {
    const date = await freshIssueDate("daily_review");
    await publishInWindow("daily_review", date);
    const subscriber = await createSubscriber("one-click");
    const sink = await startSmtpSink({ keep: true });
    sinks.push(sink);
    const worker = await startWorker(workerSettings(sink));
    workers.push(worker);
    const started = await startIssueSend(await editor(), "daily_review", { issueDate: date });
    if (started.kind !== "started") throw new Error(`not started: ${started.kind}`);
    await waitUntil("the issue is sent", async () => (await issueStatus(started.issueId)) === "sent");
    await stopWorker(worker);

    const copy = messagesOf(sink, started.issueId).find((message) => message.to === subscriber.email)!;
    const parsed = await simpleParser(copy.raw);
    const header = (name: string) =>
      parsed.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, "");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const url = header("list-unsubscribe")?.match(/^<(.+)>$/)?.[1] ?? "";
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/unsubscribe\/u1\.[A-Za-z0-9._-]+$/);
    const token = url.split("/").at(-1)!;
    // The link in the body leads to the confirmation page for the same token.
    expect(parsed.html).toContain(`/unsubscribe/${token}`);

    const oneClick = (value: string) =>
      unsubscribePost(
        new Request(`http://localhost/api/unsubscribe/${value}`, {
          method: "POST",
          // As a mail provider sends it: from its own servers, another origin, no cookie.
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            origin: "https://mail.example.net",
            "sec-fetch-site": "cross-site",
          },
          body: "List-Unsubscribe=One-Click",
        }),
        { params: Promise.resolve({ token: value }) },
      );
    const choice = () =>
      db().newsletterSubscription.findUnique({
        where: { userId_newsletter: { userId: subscriber.id, newsletter: "daily_review" } },
      });

    const forged = await oneClick(token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"));
    expect(forged.status).toBe(400);
    expect(await choice()).toBeNull();

    const response = await oneClick(token);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("You are unsubscribed from The Daily Review");
    expect(await choice()).toMatchObject({ subscribed: false });

    const replay = await oneClick(token);
    expect(replay.status).toBe(200);
    expect(await replay.text()).toContain("already unsubscribed");
    expect(await choice()).toMatchObject({ subscribed: false });

    // The next issue leaves the reader out.
    const nextDate = await freshIssueDate("daily_review");
    await publishInWindow("daily_review", nextDate);
    const next = await startIssueSend(await editor(), "daily_review", {
      issueDate: nextDate,
      queue: { send: async () => null },
    });
    if (next.kind !== "started") throw new Error(`not started: ${next.kind}`);
    expect((await deliveries(next.issueId)).some((row) => row.userId === subscriber.id)).toBe(false);
    await db().newsletterIssue.delete({ where: { id: next.issueId } });
  }, 120_000);
});
