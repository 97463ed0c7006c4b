// Creating and editing an organisation (admins). The form is checked first
// (organisation-input.ts); then, in one transaction under one advisory lock
// for every organisation write, what needs the database: the manager's
// account, a domain another organisation holds, a range that overlaps
// another organisation's, seats below the members who hold them. Any problem
// is named next to its field and nothing is written. The lock makes those
// checks exact (two admins saving at once are applied in turn); the primary
// key of organisation_domains and the exclusion constraint of
// organisation_ip_ranges hold even without it.
//
// The change and its audit entry (what each field was and became) commit
// together. Afterwards the ORGANISATIONS tag is invalidated, so every
// server's address matcher reads the ranges again (address-organisations.ts).
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { ORGANISATIONS } from "@/lib/cache/cache-tags";
import { invalidateTags } from "@/lib/cache/invalidate-tags";
import { env } from "@/lib/config/env";
import { db, Prisma } from "@/lib/db/prisma";
import {
  parseOrganisationInput,
  readOrganisationForm,
  type FieldErrors,
  type OrganisationInput,
} from "./organisation-input";
import { daysOfPeriod } from "./organisation-period";

export type SaveOutcome =
  { kind: "saved"; id: string; created: boolean } | { kind: "invalid"; errors: FieldErrors } | { kind: "not-found" };

type Tx = Prisma.TransactionClient;

const LOCK = "folio.organisations";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** What the audit log records of an organisation: the fields as the admin sees them. */
type Snapshot = {
  name: string;
  firstDay: string;
  lastDay: string;
  domains: string[];
  ipRanges: string[];
  seats: number | null;
  manager: string | null;
};

type SnapshotRow = {
  name: string;
  starts_at: Date;
  ends_at: Date;
  seats: number | null;
  manager: string | null;
  domains: string[];
  ranges: string[];
  members: number;
};

async function readSnapshot(tx: Tx, id: string): Promise<{ snapshot: Snapshot; members: number } | null> {
  const [row] = await tx.$queryRaw<SnapshotRow[]>`
    SELECT o.name, o.starts_at, o.ends_at, o.seats, m.email AS manager,
           ARRAY(SELECT d.domain FROM organisation_domains d WHERE d.organisation_id = o.id ORDER BY d.domain) AS domains,
           ARRAY(SELECT r.range::text FROM organisation_ip_ranges r WHERE r.organisation_id = o.id ORDER BY r.range) AS ranges,
           (SELECT count(*)::int FROM organisation_members s WHERE s.organisation_id = o.id) AS members
    FROM organisations o LEFT JOIN users m ON m.id = o.manager_id
    WHERE o.id = ${id}::uuid
    FOR UPDATE OF o`;
  if (!row) return null;
  const days = daysOfPeriod({ startsAt: row.starts_at, endsAt: row.ends_at }, env().PUBLICATION_TIMEZONE);
  return {
    snapshot: {
      name: row.name,
      ...days,
      domains: row.domains,
      ipRanges: row.ranges,
      seats: row.seats,
      manager: row.manager,
    },
    members: row.members,
  };
}

/** The problems only the database can tell: an empty object when there are none. */
async function databaseProblems(
  tx: Tx,
  id: string | null,
  input: OrganisationInput,
  members: number,
): Promise<{ errors: FieldErrors; managerId: string | null }> {
  const errors: FieldErrors = {};
  let managerId: string | null = null;
  if (input.managerEmail) {
    const manager = await tx.user.findUnique({ where: { email: input.managerEmail }, select: { id: true } });
    if (manager) managerId = manager.id;
    else
      errors.manager = `No reader has the address ${input.managerEmail}: ask them to sign in once (that makes their account), then name them here.`;
  }
  if (input.domains.length > 0) {
    const held = await tx.$queryRaw<{ domain: string; name: string }[]>`
      SELECT d.domain, o.name FROM organisation_domains d JOIN organisations o ON o.id = d.organisation_id
      WHERE d.domain = ANY(${input.domains}::text[]) AND d.organisation_id IS DISTINCT FROM ${id}::uuid
      ORDER BY d.domain`;
    if (held.length > 0) {
      errors.domains = held.map((row) => `${row.domain} already belongs to ${row.name}.`).join(" ");
    }
  }
  if (input.ranges.length > 0) {
    const clashes = await tx.$queryRaw<{ mine: string; theirs: string; name: string }[]>`
      SELECT mine::text AS mine, r.range::text AS theirs, o.name
      FROM unnest(${input.ranges.map((range) => range.cidr)}::text[]::cidr[]) AS mine
      JOIN organisation_ip_ranges r ON r.range && mine
      JOIN organisations o ON o.id = r.organisation_id
      WHERE r.organisation_id IS DISTINCT FROM ${id}::uuid
      ORDER BY mine, r.range`;
    if (clashes.length > 0) {
      errors.ipRanges = clashes
        .slice(0, 5)
        .map((row) => `${row.mine} overlaps ${row.theirs}, which belongs to ${row.name}.`)
        .join(" ");
    }
  }
  if (members > 0 && (input.seats === null || input.seats < members)) {
    errors.seats = `${members} ${members === 1 ? "reader holds a seat" : "readers hold seats"}: keep at least ${members}, or remove members first (below).`;
  }
  return { errors, managerId };
}

async function write(tx: Tx, id: string | null, input: OrganisationInput, managerId: string | null): Promise<string> {
  const fields = {
    name: input.name,
    startsAt: input.period.startsAt,
    endsAt: input.period.endsAt,
    seats: input.seats,
    managerId,
  };
  const saved = id
    ? await tx.organisation.update({ where: { id }, data: fields, select: { id: true } })
    : await tx.organisation.create({ data: fields, select: { id: true } });
  await tx.organisationDomain.deleteMany({ where: { organisationId: saved.id, domain: { notIn: input.domains } } });
  if (input.domains.length > 0) {
    await tx.organisationDomain.createMany({
      data: input.domains.map((domain) => ({ domain, organisationId: saved.id })),
      skipDuplicates: true,
    });
  }
  // Replaced whole: the old ranges go before the new ones are checked against the rest.
  await tx.$executeRaw`DELETE FROM organisation_ip_ranges WHERE organisation_id = ${saved.id}::uuid`;
  if (input.ranges.length > 0) {
    await tx.$executeRaw`
      INSERT INTO organisation_ip_ranges (organisation_id, range)
      SELECT ${saved.id}::uuid, unnest(${input.ranges.map((range) => range.cidr)}::text[]::cidr[])`;
  }
  return saved.id;
}

/** The fields that differ, as {field: [before, after]}. */
function changes(before: Snapshot | null, after: Snapshot): Prisma.InputJsonObject {
  const changed: Record<string, Prisma.InputJsonValue | null> = {};
  for (const field of Object.keys(after) as (keyof Snapshot)[]) {
    const from = before?.[field] ?? null;
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changed[field] = before ? { from, to } : to;
  }
  return changed as Prisma.InputJsonObject;
}

/** Creates an organisation (`id` null) or saves the one with that id, from the admin's form fields. */
export async function saveOrganisation(
  actor: Actor,
  id: string | null,
  raw: Record<string, unknown>,
): Promise<SaveOutcome> {
  assertRole(actor, "admin");
  if (id !== null && !isUuid(id)) return { kind: "not-found" };
  const parsed = parseOrganisationInput(readOrganisationForm(raw), env().PUBLICATION_TIMEZONE);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const input = parsed.input;
  const outcome = await db().$transaction(async (tx): Promise<SaveOutcome> => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))::text`;
    const before = id ? await readSnapshot(tx, id) : null;
    if (id && !before) return { kind: "not-found" };
    const { errors, managerId } = await databaseProblems(tx, id, input, before?.members ?? 0);
    if (Object.keys(errors).length > 0) return { kind: "invalid", errors };
    const savedId = await write(tx, id, input, managerId);
    const after = (await readSnapshot(tx, savedId))!.snapshot;
    const details = changes(before?.snapshot ?? null, after);
    if (Object.keys(details).length > 0) {
      await recordAudit(tx, actor, {
        action: id ? "organisation.update" : "organisation.create",
        subject: after.name,
        details: { organisationId: savedId, ...details },
      });
    }
    return { kind: "saved", id: savedId, created: id === null };
  });
  if (outcome.kind === "saved") await invalidateTags([ORGANISATIONS]);
  return outcome;
}
