// Importing readers from Ghost's members CSV and Substack's subscriber CSV
// (issue 22), against real PostgreSQL, the Stripe emulator through the SDK
// and MailDev: comp readers read everything, a paid member is a subscriber
// from the first day, nobody imported is emailed unless asked, problem rows
// come with their line, an unsubscribed reader gets no newsletter, and the
// same file imported twice changes nothing.
//
// No welcome-mail worker runs here (checkout-buyers.test.ts runs one, and
// two would take each other's jobs): only the queue is made, so that a
// welcome the import queued would be seen as a job. That no email goes out
// is seen in welcome_mails and the queue; the welcomes asked for are sent
// through the job's own work (sendWelcomeMail) to MailDev.
//
// The fixtures' addresses are @members.example; each test gives them a
// domain of its own, so that runs on the same database never meet.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessForArticle } from "@/lib/access/article-access";
import { COMMAND_LINE, ForbiddenError } from "@/lib/auth/actor";
import type { Reader } from "@/lib/auth/get-reader";
import { listPlans, lookupKeyFor } from "@/lib/billing/plans";
import { stripe } from "@/lib/billing/stripe-client";
import { startOfDay } from "@/lib/calendar/calendar-day";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { ImportFileError } from "@/lib/import/import-source";
import { importMembers, type MembersImportOptions } from "@/lib/import/members/import-members";
import { readerKey } from "@/lib/import/members/reader-key";
import { jobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { subscriptionWelcomeKey, WELCOME_MAIL_QUEUE, type WelcomeJob } from "@/lib/mail/queue-welcome-mail";
import { issueRecipients } from "@/lib/newsletters/issue-recipients";
import { sendWelcomeMail } from "@/lib/welcome/send-welcome-mail";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { mailsTo } from "../fixtures/maildev";
import { actorWith } from "../fixtures/people-with-roles";
import { createReader } from "../fixtures/readers";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import/members");
const GHOST_HEADER =
  "id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers";

const dir = mkdtempSync(path.join(tmpdir(), "folio-import-members-"));

beforeAll(async () => {
  // As registerWelcomeMailJobs makes it (whichever test makes it first, it is the same queue).
  const boss = await jobQueue();
  await boss.createQueue(WELCOME_MAIL_QUEUE, {
    name: WELCOME_MAIL_QUEUE,
    retryLimit: 10,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: 300,
  });
});

afterAll(async () => {
  await stopJobQueue();
  rmSync(dir, { recursive: true, force: true });
});

/** A fixture with its addresses moved to a domain of this test's own. */
function fixture(name: string): { file: string; at: (local: string) => string } {
  const domain = `${uniqueSuffix()}.members.example`;
  const file = path.join(dir, `${uniqueSuffix()}-${name}`);
  writeFileSync(file, readFileSync(path.join(FIXTURES, name), "utf8").replace(/@members\.example/gi, `@${domain}`));
  return { file, at: (local) => `${local}@${domain}` };
}

function csvFile(lines: string[]): string {
  const file = path.join(dir, `${uniqueSuffix()}.csv`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const run = (file: string, options: Partial<MembersImportOptions> = {}) =>
  importMembers(file, { dryRun: false, actor: COMMAND_LINE, ...options });

async function readerOf(email: string): Promise<Reader> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, role: user.role, compUntil: user.compUntil };
}

/** A customer of the publication's Stripe account with the monthly plan, paid on Checkout's page: no Folio account. */
async function payingCustomer(
  email: string,
  metadata: Record<string, string> = {},
): Promise<{ customerId: string; subscriptionId: string }> {
  const monthly = (await listPlans()).find((plan) => plan.key === "monthly");
  if (!monthly) throw new Error("the emulator has no monthly plan");
  const customer = await stripe().customers.create({ email, name: "Imported Payer" });
  const session = await stripe().checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: monthly.priceId, quantity: 1 }],
    subscription_data: { metadata },
    success_url: "http://localhost/elsewhere",
    cancel_url: "http://localhost/elsewhere",
  });
  const paid = await fetch(session.url!, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ email, cardNumber: "4242 4242 4242 4242", cardExpiry: "12/30", cardCvc: "123" }),
  });
  if (paid.status !== 303) throw new Error(`checkout did not complete: ${paid.status}`);
  const completed = await stripe().checkout.sessions.retrieve(session.id);
  const subscriptionId =
    typeof completed.subscription === "string" ? completed.subscription : completed.subscription?.id;
  if (!subscriptionId) throw new Error("the completed checkout has no subscription");
  return { customerId: customer.id, subscriptionId };
}

/** Everything the import writes about these readers, to compare before and after. */
async function stateOf(emails: string[]) {
  const users = await db().user.findMany({
    where: { email: { in: emails } },
    orderBy: { email: "asc" },
    include: {
      newsletters: { orderBy: { newsletter: "asc" } },
      subscriptions: { orderBy: { id: "asc" } },
      welcomeMails: { orderBy: { key: "asc" } },
    },
  });
  const items = await db().importedItem.findMany({
    where: { externalKey: { in: emails.map(readerKey) } },
    orderBy: [{ source: "asc" }, { externalKey: "asc" }],
  });
  return { users, items };
}

/** The welcome-mail jobs queued for these readers (in pg-boss's tables, whichever state they are in). */
async function welcomeJobsFor(userIds: string[]): Promise<(WelcomeJob & { id: string })[]> {
  const rows = await db().$queryRaw<{ id: string; data: WelcomeJob }[]>`
    SELECT id::text, data FROM pgboss.job WHERE name = 'welcome-mail' AND data->>'userId' = ANY(${userIds})`;
  return rows.map((row) => ({ ...row.data, id: row.id }));
}

describe("a Ghost members CSV", () => {
  it("imports its readers with names, dates and choices, and reports each problem row by its line", async () => {
    const { file, at } = fixture("ghost-members.csv");
    const report = await run(file);
    expect(report).toEqual({
      format: "ghost-members",
      dryRun: false,
      rows: 9,
      created: 5,
      updated: 0,
      unchanged: 0,
      comped: 2,
      subscribers: 0,
      problems: [
        { where: "line 5", reason: '"not-an-email" is not an email address' },
        { where: "line 8", reason: `${at("ann")} is also on line 2: only line 2 is imported` },
        { where: "line 9", reason: "the row has 12 fields where the first line has 11 columns" },
        { where: "line 11", reason: 'the member was deleted at Ghost (deleted_at "2024-01-01T00:00:00.000Z")' },
      ],
    });
    const ann = await db().user.findUniqueOrThrow({ where: { email: at("ann") } });
    expect(ann).toMatchObject({ name: "Ann Lee", createdAt: new Date("2021-03-04T10:20:30.000Z"), compUntil: null });
    expect((await db().user.findUniqueOrThrow({ where: { email: at("dora") } })).name).toBe("=Dora Kim");
    expect((await db().user.findUniqueOrThrow({ where: { email: at("frank") } })).name).toBe("Frank Ødegård");
    expect(await db().user.count({ where: { email: { in: [at("erin"), at("gina")] } } })).toBe(0);

    const audit = await db().auditEntry.findFirstOrThrow({
      where: { action: "import.members", subject: path.basename(file) },
    });
    expect(audit).toMatchObject({
      actor: "command line",
      details: expect.objectContaining({ created: 5, problems: 4 }),
    });
  });

  it("gives comp readers All-Access without an end (the end of 2099): they read everything", async () => {
    const { file, at } = fixture("ghost-members.csv");
    await run(file);
    const carol = await readerOf(at("carol"));
    expect(carol.compUntil).toEqual(startOfDay("2100-01-01", env().PUBLICATION_TIMEZONE));
    const gated = await createArticle({ body: "One.\n\nTwo.\n\nThree.\n\nThe gated part." });
    expect((await accessForArticle(carol, gated)).decision).toEqual({ level: "full", reason: "comp" });
    const ann = await readerOf(at("ann"));
    expect((await accessForArticle(ann, gated)).decision.level).toBe("preview");
  });

  it("keeps unsubscribes: an unsubscribed member gets no newsletter, comped or not", async () => {
    const { file, at } = fixture("ghost-members.csv");
    await run(file);
    const now = new Date();
    const ids = async (newsletter: "free" | "weekly_review" | "daily_review") =>
      new Set((await issueRecipients(db(), newsletter, now)).map((recipient) => recipient.email));
    const [free, weekly, daily] = await Promise.all([ids("free"), ids("weekly_review"), ids("daily_review")]);
    // Ann and Carol receive email at Ghost: the free newsletter; Carol, comped, the Reviews too.
    expect(free.has(at("ann"))).toBe(true);
    expect(free.has(at("carol"))).toBe(true);
    expect(weekly.has(at("carol"))).toBe(true);
    // Bob (free) and Dora (comped) chose no email at Ghost.
    for (const address of [at("bob"), at("dora")]) {
      expect(free.has(address)).toBe(false);
      expect(weekly.has(address)).toBe(false);
      expect(daily.has(address)).toBe(false);
    }
    const bob = await db().user.findUniqueOrThrow({ where: { email: at("bob") }, include: { newsletters: true } });
    expect(bob.newsletters.map((row) => [row.newsletter, row.subscribed]).sort()).toEqual([
      ["daily_review", false],
      ["free", false],
      ["weekly_review", false],
    ]);
  });

  it("imported twice, changes nothing the second time", async () => {
    const { file, at } = fixture("ghost-members.csv");
    const payer = at("payer");
    const paid = await payingCustomer(payer);
    const withPayer = path.join(dir, `${uniqueSuffix()}-with-payer.csv`);
    writeFileSync(
      withPayer,
      `${readFileSync(file, "utf8")}x1,${payer},Pat Payer,,true,false,${paid.customerId},2022-04-04T00:00:00.000Z,,,All-Access\n`,
    );
    const emails = ["ann", "bob", "carol", "dora", "frank", "payer"].map(at);
    const first = await run(withPayer);
    expect(first).toMatchObject({ created: 6, updated: 0, unchanged: 0, subscribers: 1 });
    const before = await stateOf(emails);
    const audits = await db().auditEntry.count({ where: { action: "import.members" } });

    const second = await run(withPayer);
    expect(second).toMatchObject({ rows: 10, created: 0, updated: 0, unchanged: 6, comped: 0, subscribers: 0 });
    expect(second.problems).toEqual(first.problems);
    expect(await stateOf(emails)).toEqual(before);
    // The run itself is logged, with what it did: nothing.
    expect(await db().auditEntry.count({ where: { action: "import.members" } })).toBe(audits + 1);
  });

  it("imported again, leaves alone a reader who changed their address, and does not bring back a deleted one", async () => {
    const { file, at } = fixture("ghost-members.csv");
    await run(file);
    const ann = await db().user.update({ where: { email: at("ann") }, data: { email: at("ann.lee") } });
    await db().user.delete({ where: { email: at("bob") } });
    const again = await run(file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(again.problems).toContainEqual({
      where: "line 3",
      reason: `the account an earlier import made for ${at("bob")} was deleted since: not imported again`,
    });
    expect(await db().user.count({ where: { email: { in: [at("ann"), at("bob")] } } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: ann.id } })).email).toBe(at("ann.lee"));
  });

  it("previews: the same counts and problems, nothing written, no audit entry", async () => {
    const { file, at } = fixture("ghost-members.csv");
    const audits = await db().auditEntry.count({ where: { action: "import.members" } });
    const preview = await run(file, { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, rows: 9, created: 5, comped: 2, updated: 0, unchanged: 0 });
    expect(preview.problems).toHaveLength(4);
    expect(await db().user.count({ where: { email: { endsWith: at("").slice(1) } } })).toBe(0);
    const keys = (await readFile(file, "utf8"))
      .match(/[^\s,"]+@[^\s,"]+/g)!
      .map((email) => readerKey(email.toLowerCase()));
    expect(await db().importedItem.count({ where: { externalKey: { in: keys } } })).toBe(0);
    expect(await db().auditEntry.count({ where: { action: "import.members" } })).toBe(audits);
    const applied = await run(file);
    expect({ ...applied, dryRun: true }).toEqual(preview);
    expect(await db().importedItem.count({ where: { externalKey: { in: keys } } })).toBe(applied.created);
  });

  it("adds to an existing reader only what they lack, and takes nothing away", async () => {
    const { file, at } = fixture("ghost-members.csv");
    // Ann has an account already: no name, the free newsletter declined, comp until 2101.
    const ann = await db().user.create({
      data: {
        email: at("ann"),
        createdAt: new Date("2025-01-01T00:00:00Z"),
        compUntil: new Date("2101-01-01T00:00:00Z"),
        newsletters: { create: { newsletter: "free", subscribed: false } },
      },
    });
    // Carol too, with her name and comp until next month: Ghost's comp lasts longer.
    const nextMonth = new Date(Date.now() + 30 * 86_400_000);
    await db().user.create({ data: { email: at("carol"), name: "C. Díaz", compUntil: nextMonth } });
    const report = await run(file);
    expect(report).toMatchObject({ created: 3, updated: 2, unchanged: 0, comped: 2 });
    const annAfter = await db().user.findUniqueOrThrow({ where: { id: ann.id }, include: { newsletters: true } });
    expect(annAfter).toMatchObject({
      name: "Ann Lee",
      createdAt: new Date("2025-01-01T00:00:00Z"),
      compUntil: new Date("2101-01-01T00:00:00Z"),
    });
    expect(annAfter.newsletters).toMatchObject([{ newsletter: "free", subscribed: false }]);
    const carol = await db().user.findUniqueOrThrow({ where: { email: at("carol") } });
    expect(carol.name).toBe("C. Díaz");
    expect(carol.compUntil!.getTime()).toBeGreaterThan(nextMonth.getTime());
  });
});

describe("paid members", () => {
  it("become subscribers from their Stripe subscription, and are not emailed", async () => {
    const email = `payer-${uniqueSuffix()}@members.example`;
    const paid = await payingCustomer(email);
    const file = csvFile([
      GHOST_HEADER,
      `m1,${email},Pat Payer,,true,false,${paid.customerId},2022-04-04T00:00:00.000Z,,,All-Access`,
    ]);
    const report = await run(file);
    expect(report).toMatchObject({ created: 1, subscribers: 1, problems: [] });

    const reader = await readerOf(email);
    const user = await db().user.findUniqueOrThrow({ where: { id: reader.id } });
    expect(user.stripeCustomerId).toBe(paid.customerId);
    expect(await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } })).toMatchObject({
      userId: reader.id,
      customerId: paid.customerId,
      status: "active",
      plan: lookupKeyFor("monthly"),
    });
    const gated = await createArticle({ body: "One.\n\nTwo.\n\nThree.\n\nThe gated part." });
    expect((await accessForArticle(reader, gated)).decision).toEqual({ level: "full", reason: "subscriber" });

    // The welcome is settled without a job, and stays so for later webhooks about the subscription.
    const welcome = await db().welcomeMail.findUniqueOrThrow({
      where: { key: subscriptionWelcomeKey(paid.subscriptionId) },
    });
    expect(welcome.sentAt).not.toBeNull();
    expect(await welcomeJobsFor([reader.id])).toEqual([]);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("keep a subscription that another platform tagged with a userId of its own", async () => {
    const email = `tagged-${uniqueSuffix()}@members.example`;
    const paid = await payingCustomer(email, { userId: "5f1c0e2a9b", source: "ghost" });
    const report = await run(csvFile([GHOST_HEADER, `t1,${email},,,true,false,${paid.customerId},,,,`]));
    expect(report).toMatchObject({ created: 1, subscribers: 1, problems: [] });
    const reader = await readerOf(email);
    expect(await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } })).toMatchObject({
      userId: reader.id,
    });
  });

  it("are welcomed when the import is asked to, as new subscribers are; new free readers get the welcome of a new account", async () => {
    const payer = `welcomed-${uniqueSuffix()}@members.example`;
    const free = `free-${uniqueSuffix()}@members.example`;
    const comped = `comped-${uniqueSuffix()}@members.example`;
    const paid = await payingCustomer(payer);
    const file = csvFile([
      GHOST_HEADER,
      `w1,${payer},,,true,false,${paid.customerId},,,,`,
      `w2,${free},,,true,false,,,,,`,
      `w3,${comped},,,true,true,,,,,`,
    ]);
    await run(file, { sendWelcome: true });
    const ids = await Promise.all([payer, free, comped].map(async (email) => (await readerOf(email)).id));
    const jobs = await welcomeJobsFor(ids);
    expect(jobs.map((job) => [job.kind, job.userId]).sort()).toEqual(
      [
        ["registration", ids[1]],
        ["subscription", ids[0]],
      ].sort(),
    );
    // The job's work, as the worker does it (checkout-buyers.test.ts has the worker itself);
    // the jobs done, they leave the queue, as the worker's would.
    for (const job of jobs) await sendWelcomeMail(job);
    await (
      await jobQueue()
    ).deleteJob(
      WELCOME_MAIL_QUEUE,
      jobs.map((job) => job.id),
    );
    await expect.poll(async () => (await mailsTo(payer)).length, { timeout: 15_000 }).toBe(1);
    expect((await mailsTo(payer))[0]!.subject).toBe(`Welcome to All-Access at ${env().PUBLICATION_NAME}`);
    await expect.poll(async () => (await mailsTo(free)).length, { timeout: 15_000 }).toBe(1);
    expect((await mailsTo(free))[0]!.subject).toBe(`Welcome to ${env().PUBLICATION_NAME}`);
    expect(await mailsTo(comped)).toEqual([]);
  });

  it("readers imported without a welcome get no email at all", async () => {
    const { file, at } = fixture("ghost-members.csv");
    await run(file);
    const ids = (
      await db().user.findMany({ where: { email: { endsWith: at("").slice(1) } }, select: { id: true } })
    ).map((user) => user.id);
    expect(ids).toHaveLength(5);
    expect(await db().welcomeMail.count({ where: { userId: { in: ids } } })).toBe(0);
    expect(await welcomeJobsFor(ids)).toEqual([]);
    for (const local of ["ann", "bob", "carol", "dora", "frank"]) expect(await mailsTo(at(local))).toEqual([]);
  });

  it("are problems when Stripe does not know their customer, or it is another account's", async () => {
    const other = await createReader();
    const taken = await payingCustomer(`taken-${uniqueSuffix()}@members.example`);
    await db().user.update({ where: { id: other.id }, data: { stripeCustomerId: taken.customerId } });
    const domain = `${uniqueSuffix()}.members.example`;
    const twice = `cus_Same${uniqueSuffix()}`;
    const file = csvFile([
      GHOST_HEADER,
      `p1,unknown@${domain},,,true,false,cus_doesnotexist${uniqueSuffix()},,,,`,
      `p2,clash@${domain},,,true,false,${taken.customerId},,,,`,
      `p3,twice@${domain},,,true,false,${twice},,,,`,
      `p4,again@${domain},,,true,false,${twice},,,,`,
    ]);
    const report = await run(file);
    expect(report.created).toBe(0);
    expect(report.problems).toEqual([
      {
        where: "line 2",
        reason: expect.stringMatching(/^Stripe has no customer cus_doesnotexist\w+ .*: not imported$/),
      },
      {
        where: "line 3",
        reason: `Stripe customer ${taken.customerId} belongs to another Folio account (${other.email}): not imported`,
      },
      { where: "line 4", reason: expect.stringMatching(/^Stripe has no customer/) },
      { where: "line 5", reason: `Stripe customer ${twice} is also on line 4 (twice@${domain}): not imported` },
    ]);
    expect(await db().user.count({ where: { email: { endsWith: `@${domain}` } } })).toBe(0);
  });
});

describe("a Substack subscriber CSV", () => {
  it("imports free, unsubscribed and comp readers, and says which paying ones it could not make subscribers", async () => {
    const { file, at } = fixture("substack-subscribers.csv");
    const report = await run(file);
    expect(report).toEqual({
      format: "substack-subscribers",
      dryRun: false,
      rows: 7,
      created: 5,
      updated: 0,
      unchanged: 0,
      comped: 1,
      subscribers: 0,
      problems: [
        {
          where: "line 6",
          reason: "a paying subscriber (plan monthly) with no Stripe customer id: imported as a free reader",
        },
        { where: "line 7", reason: '"non-una-email" is not an email address' },
        { where: "line 8", reason: "the reader asked Substack to delete their data: not imported" },
      ],
    });
    expect((await readerOf(at("jo"))).compUntil).toEqual(new Date("2030-06-01T00:00:00.000Z"));
    expect((await readerOf(at("kim"))).compUntil).toBeNull();
    const ida = await db().user.findUniqueOrThrow({ where: { email: at("ida") }, include: { newsletters: true } });
    expect(ida.newsletters.every((row) => !row.subscribed)).toBe(true);
    expect(ida.createdAt).toEqual(new Date("2024-02-01T10:00:00.000Z"));
  });
});

describe("bad input", () => {
  it("refuses a file that is not a members CSV, writing nothing", async () => {
    const audits = await db().auditEntry.count({ where: { action: "import.members" } });
    const json = path.join(dir, "export.json");
    writeFileSync(json, JSON.stringify({ db: [{ data: { posts: [] } }] }));
    await expect(run(json)).rejects.toThrow(ImportFileError);
    await expect(run(csvFile(["name,created_at", "Ann,2021-01-01"]))).rejects.toThrow(
      /^This is not a Ghost members CSV or a Substack subscriber CSV: its first line has no "email" column/,
    );
    const binary = path.join(dir, "image.png");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff]));
    await expect(run(binary)).rejects.toThrow(ImportFileError);
    expect(await db().auditEntry.count({ where: { action: "import.members" } })).toBe(audits);
  });

  it("refuses a file broken half-way before writing any of it", async () => {
    const domain = `${uniqueSuffix()}.members.example`;
    const rows = Array.from({ length: 30 }, (_, index) => `r${index},r${index}@${domain},,,true,false,,,,,`);
    const file = csvFile([GHOST_HEADER, ...rows, `r99,late@${domain},"never closed,,true,false,,,,,`]);
    await expect(run(file, { batchSize: 10 })).rejects.toThrow(/a quoted cell opened by line 32 is never closed/);
    expect(await db().user.count({ where: { email: { endsWith: `@${domain}` } } })).toBe(0);
  });

  it("reports a 10,000-character cell and rows of the wrong width, and imports the rest", async () => {
    const domain = `${uniqueSuffix()}.members.example`;
    const file = csvFile([
      GHOST_HEADER,
      `b1,long@${domain},${"n".repeat(10_000)},,true,false,,,,,`,
      `b2,wide@${domain},,,true,false,,,,,,,,`,
      `b3,ok@${domain},Ok,${"note ".repeat(2_000)},true,false,,,,,`,
    ]);
    const report = await run(file);
    expect(report.problems).toEqual([
      { where: "line 2", reason: "the name is 10,000 characters long, more than the 191 a name may have" },
      { where: "line 3", reason: "the row has 14 fields where the first line has 11 columns" },
    ]);
    expect(report.created).toBe(1);
  });

  it("is for admins only", async () => {
    const { file } = fixture("ghost-members.csv");
    await expect(run(file, { actor: await actorWith("editor") })).rejects.toThrow(ForbiddenError);
  });
});
