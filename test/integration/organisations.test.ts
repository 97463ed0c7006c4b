// Organisations against real PostgreSQL and MailDev: a reader at a listed
// domain reads everything once the address is confirmed; seats are invited,
// accepted and removed, and hold under parallel acceptances and invitations;
// access ends at the end of the last day in the publication's time zone; IP
// ranges admit their addresses; and bad input changes nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exportReaderData } from "@/lib/account/data-export";
import { confirmEmailChange, requestEmailChange } from "@/lib/account/email-change";
import { accessForArticle, readsEverythingNow, runningOrganisations } from "@/lib/access/article-access";
import { noteOrganisationRead } from "@/lib/access/organisation-reads";
import { readArticleFor } from "@/lib/access/read-article";
import { sessionArticleAccess } from "@/lib/access/session-article-access";
import { unlockArticleBySlug } from "@/lib/access/unlock-article";
import type { Actor } from "@/lib/auth/actor";
import type { Reader } from "@/lib/auth/get-reader";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth-cookies";
import { addDays, calendarDayOf, startOfDay } from "@/lib/calendar/calendar-day";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { admitsAddress, organisationsOfAddress } from "@/lib/organisations/address-organisations";
import { managedOrganisations } from "@/lib/organisations/organisation-queries";
import {
  acceptInvitation,
  inviteToSeat,
  removeMember,
  withdrawInvitation,
} from "@/lib/organisations/organisation-seats";
import { saveOrganisation, type SaveOutcome } from "@/lib/organisations/save-organisation";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { linkIn, mailsTo } from "../fixtures/maildev";
import { actorWith } from "../fixtures/people-with-roles";
import { createReader } from "../fixtures/readers";

// Far from UTC, so that the publication's days are not UTC's: midnight in
// Auckland is 11:00 or 12:00 UTC of the day before.
const ZONE = "Pacific/Auckland";
beforeAll(() => {
  vi.stubEnv("PUBLICATION_TIMEZONE", ZONE);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const timeZone = () => env().PUBLICATION_TIMEZONE;
const today = () => calendarDayOf(new Date(), timeZone());
const hex = () => randomBytes(2).toString("hex");
/** An IPv6 /64 and an IPv4 /24 of this test's own: ranges may overlap no other organisation's. */
const v6Range = () => `2a02:c7f:${hex()}:${hex()}::/64`;
const v4Range = () => `81.${1 + (randomBytes(1)[0]! % 250)}.${randomBytes(1)[0]!}.0/24`;
const domain = () => `org-${uniqueSuffix()}.example.edu`;

type Form = Partial<Record<"name" | "firstDay" | "lastDay" | "domains" | "ipRanges" | "seats" | "manager", string>>;

function form(fields: Form = {}): Record<string, string> {
  return {
    name: `Organisation ${uniqueSuffix()}`,
    firstDay: addDays(today(), -1),
    lastDay: addDays(today(), 30),
    ...fields,
  };
}

async function create(admin: Actor, fields: Form = {}): Promise<string> {
  const outcome = await saveOrganisation(admin, null, form(fields));
  if (outcome.kind !== "saved") throw new Error(`not saved: ${JSON.stringify(outcome)}`);
  return outcome.id;
}

async function asReader(id: string): Promise<Reader & { role: "reader" | "editor" | "admin" }> {
  const user = await db().user.findUniqueOrThrow({ where: { id } });
  return { id: user.id, email: user.email, role: user.role, compUntil: user.compUntil };
}

async function readerAt(email: string, verified: boolean) {
  const user = await db().user.create({ data: { email, emailVerified: verified ? new Date() : null } });
  return asReader(user.id);
}

/** A session as fresh at `at` as Auth.js leaves it (one due for its daily extension would go to Next.js). */
async function sessionFor(userId: string, at = new Date()): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await db().session.create({
    data: { sessionToken: token, userId, expires: new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return token;
}

async function reasonFor(reader: Reader | null, article: { id: string; free: boolean }, now = new Date()) {
  return (await accessForArticle(reader, article, now)).decision.reason;
}

async function invitationToken(email: string): Promise<string> {
  const mails = await mailsTo(email);
  const mail = mails.at(-1);
  if (!mail) throw new Error(`no invitation to ${email}`);
  return new URL(linkIn(mail)).searchParams.get("token")!;
}

/** What a refused save must leave as it was: every organisation row and the audit log. */
async function everything() {
  const [organisations, domains, ranges, members, invitations, audit] = await Promise.all([
    db().$queryRaw`SELECT id, name, starts_at, ends_at, seats, manager_id, updated_at FROM organisations ORDER BY id`,
    db().$queryRaw`SELECT * FROM organisation_domains ORDER BY domain`,
    db().$queryRaw`SELECT id, organisation_id, range::text FROM organisation_ip_ranges ORDER BY id`,
    db().$queryRaw`SELECT * FROM organisation_members ORDER BY organisation_id, user_id`,
    db().$queryRaw`SELECT id FROM organisation_invitations ORDER BY id`,
    db().auditEntry.count(),
  ]);
  return JSON.stringify({ organisations, domains, ranges, members, invitations, audit });
}

describe("email domains", () => {
  it("a reader reads everything once their address at the domain (or a subdomain) is confirmed, not before", async () => {
    const admin = await actorWith("admin");
    const listed = domain();
    await create(admin, { domains: listed });
    const article = await createArticle();

    // An account at the domain whose address nobody confirmed (an imported member, say).
    const unconfirmed = await readerAt(`someone-${uniqueSuffix()}@${listed}`, false);
    expect(await reasonFor(unconfirmed, article)).toBe("quota-available");
    expect(await runningOrganisations(unconfirmed)).toEqual([]);

    // A reader moving to an address at a subdomain: nothing before they open the link.
    const reader = await createReader();
    const token = await sessionFor(reader.id);
    const newEmail = `moved-${uniqueSuffix()}@politics.${listed}`;
    expect(await requestEmailChange(reader, newEmail)).toBe("sent");
    expect(await reasonFor(await asReader(reader.id), article)).toBe("quota-available");
    const pending = await sessionArticleAccess(token, article.slug);
    expect(pending.kind === "decided" && pending.access.decision.reason).toBe("quota-available");

    const [confirmation] = await mailsTo(newEmail);
    const link = new URL(linkIn(confirmation!));
    expect(await confirmEmailChange(link.searchParams.get("token")!)).toEqual({ status: "changed", email: newEmail });
    const confirmed = await asReader(reader.id);
    expect(await reasonFor(confirmed, article)).toBe("organisation");
    const decided = await sessionArticleAccess(token, article.slug);
    expect(decided.kind === "decided" && decided.access).toMatchObject({
      decision: { level: "full", reason: "organisation" },
      subscriber: true,
    });
    expect(await readsEverythingNow(confirmed)).toBe(true);
    expect((await runningOrganisations(confirmed)).map((organisation) => organisation.seat)).toEqual([false]);
    // Nothing to spend: the unlock answers as for a subscriber.
    expect((await unlockArticleBySlug(confirmed, article.slug)).kind).toBe("subscriber");

    // The same address confirmed by signing in (Auth.js sets email_verified).
    await db().user.update({ where: { id: unconfirmed.id }, data: { emailVerified: new Date() } });
    expect(await reasonFor(unconfirmed, article)).toBe("organisation");

    // A look-alike domain is not the domain.
    const lookalike = await readerAt(`x-${uniqueSuffix()}@not${listed}`, true);
    expect(await reasonFor(lookalike, article)).toBe("quota-available");
  });
});

describe("seats", () => {
  it("are invited by the manager, accepted, listed with the last read, and removed", async () => {
    const admin = await actorWith("admin");
    const manager = await readerAt(`manager-${uniqueSuffix()}@example.org`, true);
    const id = await create(admin, { seats: "2", manager: manager.email });
    const article = await createArticle();
    const [ann, bob, cat] = await Promise.all(
      ["ann", "bob", "cat"].map((name) => readerAt(`${name}-${uniqueSuffix()}@example.org`, true)),
    );

    expect(await inviteToSeat(manager, id, ann!.email)).toEqual({ kind: "invited", email: ann!.email });
    expect(await inviteToSeat(manager, id, bob!.email.toUpperCase())).toEqual({ kind: "invited", email: bob!.email });
    const full = await inviteToSeat(manager, id, cat!.email);
    expect(full).toEqual({
      kind: "refused",
      message: "All 2 seats are taken or held by pending invitations: remove a member or withdraw an invitation first.",
    });
    expect(await mailsTo(cat!.email)).toEqual([]);
    // Only the manager (or an admin) acts on the seats.
    expect(await inviteToSeat(cat!, id, `x-${uniqueSuffix()}@example.org`)).toEqual({ kind: "not-found" });
    expect((await inviteToSeat(manager, id, "not an address")).kind).toBe("refused");

    const annToken = await invitationToken(ann!.email);
    const invitation = (await mailsTo(ann!.email)).at(-1)!;
    expect(invitation.subject).toContain("invites you to read");
    // Another reader cannot use Ann's link, and it stays usable for her.
    expect(await acceptInvitation(bob!, annToken)).toEqual({ kind: "wrong-address", invited: ann!.email });
    expect(await reasonFor(ann!, article)).toBe("quota-available");
    expect(await acceptInvitation(ann!, annToken)).toMatchObject({ kind: "joined" });
    expect(await acceptInvitation(ann!, annToken)).toEqual({ kind: "invalid" });
    expect(await reasonFor(ann!, article)).toBe("organisation");
    expect((await inviteToSeat(manager, id, ann!.email)).kind).toBe("refused");

    // The manager's page: Ann joined, has not read yet; Bob's invitation pending.
    const [seats] = await managedOrganisations(manager.id);
    expect(seats!.members.map((member) => [member.email, member.lastReadAt])).toEqual([[ann!.email, null]]);
    expect(seats!.invitations.map((pending) => pending.email)).toEqual([bob!.email]);

    // Reading through the organisation notes the time, at most once an hour.
    const read = await readArticleFor(ann!, article.slug);
    expect(read?.gatedMarkdown).toContain("Four.");
    const lastRead = async () =>
      (await db().organisationMember.findFirstOrThrow({ where: { organisationId: id, userId: ann!.id } })).lastReadAt;
    const first = await lastRead();
    expect(first).not.toBeNull();
    await noteOrganisationRead(ann!.id, new Date(first!.getTime() + 30 * 60_000));
    expect(await lastRead()).toEqual(first);
    const later = new Date(first!.getTime() + 61 * 60_000);
    await noteOrganisationRead(ann!.id, later);
    expect(await lastRead()).toEqual(later);
    // What the manager sees of her is in her own data download too.
    expect((await exportReaderData(ann!.id)).organisationSeats).toEqual([
      expect.objectContaining({ joinedAt: expect.any(Date), lastReadAt: later }),
    ]);

    // Withdrawn, Bob's link no longer works and his seat is free again.
    const bobToken = await invitationToken(bob!.email);
    const bobInvitation = seats!.invitations[0]!;
    expect(await withdrawInvitation(manager, id, bobInvitation.id)).toEqual({ kind: "withdrawn", email: bob!.email });
    expect(await acceptInvitation(bob!, bobToken)).toEqual({ kind: "invalid" });
    expect((await inviteToSeat(manager, id, cat!.email)).kind).toBe("invited");

    // Removed, Ann loses access at once, in both reads of her facts.
    const annSession = await sessionFor(ann!.id);
    expect(await removeMember(cat!, id, ann!.id)).toEqual({ kind: "not-found" });
    expect(await removeMember(manager, id, ann!.id)).toEqual({ kind: "removed", email: ann!.email });
    expect(await reasonFor(ann!, article)).toBe("quota-available");
    const after = await sessionArticleAccess(annSession, article.slug);
    expect(after.kind === "decided" && after.access.decision.reason).toBe("quota-available");

    const audit = await db().auditEntry.findMany({
      where: { action: { startsWith: "organisation." }, details: { path: ["organisationId"], equals: id } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actor: true },
    });
    expect(audit).toEqual([
      { action: "organisation.create", actor: admin.label },
      { action: "organisation.invite", actor: manager.email },
      { action: "organisation.invite", actor: manager.email },
      { action: "organisation.join", actor: ann!.email },
      { action: "organisation.withdraw-invitation", actor: manager.email },
      { action: "organisation.invite", actor: manager.email },
      { action: "organisation.remove-member", actor: manager.email },
    ]);
  });

  it("a full organisation refuses acceptances: exactly the free seats are taken by parallel accepts", async () => {
    const admin = await actorWith("admin");
    const manager = await readerAt(`manager-${uniqueSuffix()}@example.org`, true);
    const fields: Form = { seats: "6", manager: manager.email };
    const id = await create(admin, fields);
    const readers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => readerAt(`accept-${index}-${uniqueSuffix()}@example.org`, true)),
    );
    for (const reader of readers) expect((await inviteToSeat(manager, id, reader.email)).kind).toBe("invited");
    const tokens = await Promise.all(readers.map((reader) => invitationToken(reader.email)));
    // The admin sells fewer seats after the invitations went out.
    expect((await saveOrganisation(admin, id, form({ ...fields, seats: "2" }))).kind).toBe("saved");

    const results = await Promise.all(readers.map((reader, index) => acceptInvitation(reader, tokens[index])));
    expect(results.filter((result) => result.kind === "joined")).toHaveLength(2);
    expect(results.filter((result) => result.kind === "full")).toHaveLength(4);
    expect(await db().organisationMember.count({ where: { organisationId: id } })).toBe(2);
    // The seats cannot go below the members now.
    const lower = await saveOrganisation(admin, id, form({ ...fields, seats: "1" }));
    expect(lower.kind === "invalid" && lower.errors.seats).toContain("2 readers hold seats");
  });

  it("parallel invitations take no more seats than there are", async () => {
    const admin = await actorWith("admin");
    const manager = await readerAt(`manager-${uniqueSuffix()}@example.org`, true);
    const id = await create(admin, { seats: "3", manager: manager.email });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        inviteToSeat(manager, id, `invitee-${index}-${uniqueSuffix()}@example.org`),
      ),
    );
    expect(results.filter((result) => result.kind === "invited")).toHaveLength(3);
    expect(await db().organisationInvitation.count({ where: { organisationId: id } })).toBe(3);
  });
});

describe("the end of an organisation", () => {
  it("comes at the end of its last day in the publication's time zone, for members and addresses alike", async () => {
    const admin = await actorWith("admin");
    const manager = await readerAt(`manager-${uniqueSuffix()}@example.org`, true);
    const lastDay = addDays(today(), 1);
    const range = v4Range();
    const id = await create(admin, { lastDay, seats: "1", manager: manager.email, ipRanges: range });
    expect(timeZone()).toBe(ZONE);
    const endsAt = startOfDay(addDays(lastDay, 1), ZONE);
    expect([11, 12]).toContain(endsAt.getUTCHours());
    expect((await db().organisation.findUniqueOrThrow({ where: { id } })).endsAt).toEqual(endsAt);
    const member = await readerAt(`member-${uniqueSuffix()}@example.org`, true);
    await inviteToSeat(manager, id, member.email);
    expect((await acceptInvitation(member, await invitationToken(member.email))).kind).toBe("joined");
    const article = await createArticle();
    const justBefore = new Date(endsAt.getTime() - 1);
    const token = await sessionFor(member.id, justBefore);

    expect(await reasonFor(member, article, justBefore)).toBe("organisation");
    expect(await reasonFor(member, article, endsAt)).toBe("quota-available");
    const before = await sessionArticleAccess(token, article.slug, justBefore);
    const after = await sessionArticleAccess(token, article.slug, endsAt);
    expect(before.kind === "decided" && before.access.decision.reason).toBe("organisation");
    expect(after.kind === "decided" && after.access.decision.reason).toBe("quota-available");

    const address = range.replace(/0\/24$/, "77");
    const addressOrganisations = await organisationsOfAddress(address);
    const anonymous = (now: Date) => accessForArticle(null, article, now, { addressOrganisations });
    expect((await anonymous(justBefore)).decision).toEqual({ level: "full", reason: "organisation" });
    expect((await anonymous(endsAt)).decision).toEqual({ level: "preview", reason: "anonymous" });
    expect(await admitsAddress(address, justBefore)).toBe(true);
    expect(await admitsAddress(address, endsAt)).toBe(false);
  });
});

describe("IP ranges", () => {
  it("admit their addresses, IPv4 and IPv6, and follow an edit", async () => {
    const admin = await actorWith("admin");
    const [v4, v6] = [v4Range(), v6Range()];
    const fields: Form = { ipRanges: `${v4}\n${v6}` };
    const id = await create(admin, fields);
    const article = await createArticle();
    const inV4 = v4.replace(/0\/24$/, "200");
    const inV6 = v6.replace(/::\/64$/, ":abcd::1");
    for (const address of [inV4, `::ffff:${inV4}`, inV6]) {
      const addressOrganisations = await organisationsOfAddress(address);
      expect(await admitsAddress(address), address).toBe(true);
      const reader = await createReader();
      // Anonymous or signed in with nothing left, the address reads whole.
      for (const who of [null, await asReader(reader.id)]) {
        const access = await accessForArticle(who, article, new Date(), { addressOrganisations });
        expect(access.decision).toEqual({ level: "full", reason: "organisation" });
      }
    }
    // Next to the range (the tests' ranges are all in 81.0.0.0/8), and the loopback the tests' browsers use.
    expect(await admitsAddress(inV4.replace(/^81\./, "82."))).toBe(false);
    expect(await admitsAddress("127.0.0.1")).toBe(false);

    // The range edited away: its addresses read the preview again.
    expect((await saveOrganisation(admin, id, form({ ...fields, ipRanges: v6 }))).kind).toBe("saved");
    expect(await admitsAddress(inV4)).toBe(false);
    expect(await admitsAddress(inV6)).toBe(true);
  });

  it("never overlap, even when two admins save at the same moment (and in the database itself)", async () => {
    const admin = await actorWith("admin");
    const wide = `2a02:c7f:${hex()}::/48`;
    const narrow = wide.replace("::/48", ":1::/64");
    const results = await Promise.all([
      saveOrganisation(admin, null, form({ ipRanges: wide })),
      saveOrganisation(admin, null, form({ ipRanges: narrow })),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(["invalid", "saved"]);
    const refused = results.find((result) => result.kind === "invalid") as Extract<SaveOutcome, { kind: "invalid" }>;
    expect(refused.errors.ipRanges).toMatch(/overlaps .*, which belongs to Organisation /);
    // Written past the code, PostgreSQL's exclusion constraint refuses a
    // range inside both, whichever of the two was saved.
    const saved = results.find((result) => result.kind === "saved") as Extract<SaveOutcome, { kind: "saved" }>;
    const inside = narrow.replace("::/64", ":2::/80");
    await expect(
      db()
        .$executeRaw`INSERT INTO organisation_ip_ranges (organisation_id, range) VALUES (${saved.id}::uuid, ${inside}::cidr)`,
    ).rejects.toThrow();
  });
});

describe("bad input", () => {
  it("is refused with a clear message, and nothing changes", async () => {
    const admin = await actorWith("admin");
    const manager = await readerAt(`manager-${uniqueSuffix()}@example.org`, true);
    const [heldDomain, heldRange] = [domain(), v6Range()];
    const holderName = `Holder ${uniqueSuffix()}`;
    const holder = await create(admin, { name: holderName, domains: heldDomain, ipRanges: heldRange });
    const existing = await create(admin, { seats: "3", manager: manager.email, domains: domain() });
    const member = await readerAt(`member-${uniqueSuffix()}@example.org`, true);
    await inviteToSeat(manager, existing, member.email);
    await acceptInvitation(member, await invitationToken(member.email));
    await inviteToSeat(manager, existing, `pending-${uniqueSuffix()}@example.org`);

    const cases: [string, Form, string, string][] = [
      ["a malformed CIDR", { ipRanges: "81.2.69.0/33" }, "ipRanges", "an IPv4 prefix length is at most 32"],
      ["host bits set", { ipRanges: "81.2.69.9/24" }, "ipRanges", "has host bits set"],
      ["a private range", { ipRanges: "10.0.0.0/8" }, "ipRanges", "is not a public address range"],
      ["its own ranges overlapping", { ipRanges: "81.2.69.0/24\n81.2.69.128/25" }, "ipRanges", "overlap"],
      [
        "a range overlapping another organisation's",
        { ipRanges: heldRange.replace("::/64", ":0:1::/96") },
        "ipRanges",
        `which belongs to ${holderName}`,
      ],
      ["*.com", { domains: "*.com" }, "domains", "wildcards are not allowed"],
      ["gmail.com", { domains: "gmail.com" }, "domains", "gmail.com is a consumer mail service"],
      ["a bare TLD", { domains: "com" }, "domains", "is a public suffix"],
      ["a domain another organisation holds", { domains: heldDomain }, "domains", `already belongs to ${holderName}`],
      ["a 10,000-character name", { name: "n".repeat(10_000) }, "name", "at most 200 characters"],
      [
        "a manager with no account",
        { seats: "2", manager: `nobody-${uniqueSuffix()}@example.org` },
        "manager",
        "No reader has the address",
      ],
      ["a last day before the first", { lastDay: addDays(today(), -3) }, "lastDay", "cannot come before"],
    ];
    for (const [label, fields, field, message] of cases) {
      for (const id of [null, existing]) {
        const before = await everything();
        const keep: Form = id ? { seats: "3", manager: manager.email } : {};
        const outcome = await saveOrganisation(admin, id, form({ ...keep, ...fields }));
        expect(outcome.kind, `${label} (${id ? "edit" : "new"})`).toBe("invalid");
        if (outcome.kind === "invalid") expect(outcome.errors[field as keyof Form], label).toContain(message);
        expect(await everything(), `${label} changed something`).toBe(before);
      }
    }
    // Seats below the members, or taken away while members hold them.
    for (const seats of ["", "0"]) {
      const before = await everything();
      const outcome = await saveOrganisation(admin, existing, form({ seats, manager: seats ? manager.email : "" }));
      expect(outcome.kind).toBe("invalid");
      expect(await everything()).toBe(before);
    }
    // Garbage from a hand-made request: no organisation is found or written.
    const before = await everything();
    expect(await saveOrganisation(admin, "not-a-uuid", form())).toEqual({ kind: "not-found" });
    expect(await saveOrganisation(admin, "00000000-0000-4000-8000-000000000000", form())).toEqual({
      kind: "not-found",
    });
    expect((await saveOrganisation(admin, null, { name: ["x"], firstDay: 5 } as never)).kind).toBe("invalid");
    expect(await inviteToSeat(manager, existing, "x".repeat(10_000))).toMatchObject({ kind: "refused" });
    expect(await acceptInvitation(member, "t".repeat(10_000))).toEqual({ kind: "invalid" });
    expect(await removeMember(manager, existing, "garbage")).toEqual({ kind: "not-found" });
    expect(await withdrawInvitation(manager, existing, 42)).toEqual({ kind: "not-found" });
    expect(await everything()).toBe(before);
    // Only admins save organisations.
    await expect(saveOrganisation(await actorWith("editor"), holder, form())).rejects.toThrow(/admin role/);
  });
});
