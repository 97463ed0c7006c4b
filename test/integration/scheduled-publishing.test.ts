// Scheduled publishing through pg-boss, against real PostgreSQL: a scheduled
// article goes live once, also when the job runner was down at its time, and
// also when its job was lost. The workers are the ones the web server runs
// (lib/workers/start-workers.ts), started and stopped here as a restart would.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { PUBLISH_DUE_QUEUE } from "@/lib/newsroom/articles/publish-due-queue";
import { scheduleArticle } from "@/lib/newsroom/articles/publishing";
import { createArticle } from "@/lib/newsroom/articles/save-article";
import { publishDueArticles, SCHEDULED_PUBLISHING } from "@/lib/newsroom/articles/scheduled-publishing";
import { startWorkers, type Workers } from "@/lib/workers/start-workers";
import { actorWith, articleContent } from "../fixtures/newsroom";

const runners: Workers[] = [];
const log: string[] = [];

async function startRunner(): Promise<Workers> {
  const runner = await startWorkers((line) => log.push(line));
  runners.push(runner);
  return runner;
}

async function stopRunner(runner: Workers): Promise<void> {
  await runner.stop();
  runners.splice(runners.indexOf(runner), 1);
}

afterEach(async () => {
  for (const runner of [...runners]) await stopRunner(runner);
});

async function draft() {
  const editor = await actorWith("editor");
  const result = await createArticle(editor, articleContent());
  if (result.kind !== "created") throw new Error("not created");
  return { editor, id: result.id };
}

/** Waits until `at` has passed on the database's clock (which pg-boss and the sweep use). */
async function until(at: Date): Promise<void> {
  for (;;) {
    const [row] = await db().$queryRaw<{ passed: boolean }[]>`SELECT now() > ${at} AS passed`;
    if (row?.passed) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function statusOf(id: string) {
  return db().article.findUniqueOrThrow({
    where: { id },
    select: { status: true, publishedAt: true, firstPublished: true },
  });
}

async function waitForPublication(id: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while ((await statusOf(id)).status !== "published") {
    if (Date.now() > deadline) throw new Error(`not published; job runner said: ${log.join(" | ")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function publishEntries(articleId: string) {
  return db().auditEntry.findMany({
    where: { action: "article.publish", details: { path: ["articleId"], equals: articleId } },
  });
}

function jobsFor(articleId: string) {
  return db().$queryRaw<{ id: string; start_after: Date }[]>`
    SELECT id::text AS id, start_after FROM pgboss.job WHERE name = ${PUBLISH_DUE_QUEUE} AND data ->> 'articleId' = ${articleId}`;
}

describe("scheduled publishing", () => {
  it("goes live after a restart: the runner was down at the time, the new one publishes once", async () => {
    const first = await startRunner();
    const { editor, id } = await draft();
    const at = new Date(Date.now() + 3000);
    expect((await scheduleArticle(editor, id, { at })).kind).toBe("scheduled");
    // The job was written with the schedule, for the article's time.
    const jobs = await jobsFor(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.start_after.getTime()).toBe(at.getTime());

    await stopRunner(first);
    await until(at);
    // Its time has passed and nothing ran.
    expect((await statusOf(id)).status).toBe("scheduled");

    await startRunner();
    await waitForPublication(id);
    const row = await statusOf(id);
    expect(row.publishedAt?.getTime()).toBe(at.getTime());
    expect(row.firstPublished?.getTime()).toBe(at.getTime());

    // Its own job still runs (or ran) after the start-up sweep: still once.
    await until(new Date(Date.now() + 3000));
    const entries = await publishEntries(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: null,
      actor: SCHEDULED_PUBLISHING.label,
      details: { from: "scheduled" },
    });
  });

  it("goes live when its job was lost", async () => {
    const runner = await startRunner();
    await stopRunner(runner);
    const { editor, id } = await draft();
    const at = new Date(Date.now() + 1500);
    await scheduleArticle(editor, id, { at });
    await db().$executeRaw`DELETE FROM pgboss.job WHERE name = ${PUBLISH_DUE_QUEUE} AND data ->> 'articleId' = ${id}`;
    expect(await jobsFor(id)).toHaveLength(0);
    await until(at);
    await startRunner();
    await waitForPublication(id);
    expect(await publishEntries(id)).toHaveLength(1);
  });

  it("publishes a due article once however many sweeps run at once", async () => {
    const { editor, id } = await draft();
    const at = new Date(Date.now() + 1000);
    await scheduleArticle(editor, id, { at });
    await until(at);
    const sweeps = await Promise.all(Array.from({ length: 5 }, () => publishDueArticles(SCHEDULED_PUBLISHING)));
    expect(sweeps.flat().filter((article) => article.id === id)).toHaveLength(1);
    expect(await publishEntries(id)).toHaveLength(1);
    expect((await statusOf(id)).status).toBe("published");
  });

  it("leaves an article scheduled for later alone", async () => {
    const { editor, id } = await draft();
    await scheduleArticle(editor, id, { at: new Date(Date.now() + 3_600_000) });
    await publishDueArticles(SCHEDULED_PUBLISHING);
    expect((await statusOf(id)).status).toBe("scheduled");
    expect(await publishEntries(id)).toHaveLength(0);
  });
});
