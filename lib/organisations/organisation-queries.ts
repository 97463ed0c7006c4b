// Reading organisations for the admin's pages and the manager's: the list,
// one organisation as its form shows it, and its seats (members, pending
// invitations). Admin reads check the role themselves; the manager's read
// only ever returns the organisations the reader manages.
import { assertRole, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import type { OrganisationForm } from "./organisation-input";
import { daysOfPeriod, periodState, type PeriodState } from "./organisation-period";
import { isUuid } from "./save-organisation";

export type OrganisationSummary = {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  state: PeriodState;
  domains: number;
  ipRanges: number;
  seats: number | null;
  members: number;
};

export type Member = { userId: string; email: string; joinedAt: Date; lastReadAt: Date | null };
export type PendingInvitation = { id: string; email: string; sentAt: Date; expiresAt: Date };

export type OrganisationSeats = {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  state: PeriodState;
  seats: number | null;
  members: Member[];
  invitations: PendingInvitation[];
};

export async function listOrganisations(actor: Actor, now = new Date()): Promise<OrganisationSummary[]> {
  assertRole(actor, "admin");
  const rows = await db().organisation.findMany({
    orderBy: [{ endsAt: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      startsAt: true,
      endsAt: true,
      seats: true,
      _count: { select: { domains: true, ipRanges: true, members: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({
    ...row,
    state: periodState(row, now),
    domains: _count.domains,
    ipRanges: _count.ipRanges,
    members: _count.members,
  }));
}

async function seatsOf(
  organisations: { id: string; name: string; startsAt: Date; endsAt: Date; seats: number | null }[],
  now: Date,
): Promise<OrganisationSeats[]> {
  const ids = organisations.map((organisation) => organisation.id);
  const [members, invitations] = await Promise.all([
    db().organisationMember.findMany({
      where: { organisationId: { in: ids } },
      orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      select: {
        organisationId: true,
        userId: true,
        joinedAt: true,
        lastReadAt: true,
        user: { select: { email: true } },
      },
    }),
    db().organisationInvitation.findMany({
      where: { organisationId: { in: ids }, expiresAt: { gt: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { organisationId: true, id: true, email: true, createdAt: true, expiresAt: true },
    }),
  ]);
  return organisations.map((organisation) => ({
    ...organisation,
    state: periodState(organisation, now),
    members: members
      .filter((member) => member.organisationId === organisation.id)
      .map((member) => ({
        userId: member.userId,
        email: member.user.email,
        joinedAt: member.joinedAt,
        lastReadAt: member.lastReadAt,
      })),
    invitations: invitations
      .filter((invitation) => invitation.organisationId === organisation.id)
      .map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        sentAt: invitation.createdAt,
        expiresAt: invitation.expiresAt,
      })),
  }));
}

const SEAT_FIELDS = { id: true, name: true, startsAt: true, endsAt: true, seats: true } as const;

/** The organisations whose seats `readerId` manages, with their members and pending invitations. */
export async function managedOrganisations(readerId: string, now = new Date()): Promise<OrganisationSeats[]> {
  const organisations = await db().organisation.findMany({
    where: { managerId: readerId, seats: { not: null } },
    orderBy: [{ endsAt: "desc" }, { name: "asc" }],
    select: SEAT_FIELDS,
  });
  return organisations.length === 0 ? [] : seatsOf(organisations, now);
}

/** The names of the organisations whose seats `readerId` manages (the account page's link). */
export async function managedOrganisationNames(readerId: string): Promise<{ id: string; name: string }[]> {
  return db().organisation.findMany({
    where: { managerId: readerId, seats: { not: null } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export type OrganisationDetail = { form: OrganisationForm; seats: OrganisationSeats; updatedAt: Date };

/** One organisation as its edit form shows it, with its seats; null when there is none. */
export async function organisationDetail(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<OrganisationDetail | null> {
  assertRole(actor, "admin");
  if (!isUuid(id)) return null;
  const organisation = await db().organisation.findUnique({
    where: { id },
    select: {
      ...SEAT_FIELDS,
      updatedAt: true,
      manager: { select: { email: true } },
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  if (!organisation) return null;
  const ranges = await db().$queryRaw<{ range: string }[]>`
    SELECT range::text AS range FROM organisation_ip_ranges WHERE organisation_id = ${id}::uuid ORDER BY range`;
  const days = daysOfPeriod(organisation, env().PUBLICATION_TIMEZONE);
  const [seats] = await seatsOf([organisation], now);
  return {
    form: {
      name: organisation.name,
      firstDay: days.firstDay,
      lastDay: days.lastDay,
      domains: organisation.domains.map((row) => row.domain).join("\n"),
      ipRanges: ranges.map((row) => row.range).join("\n"),
      seats: organisation.seats === null ? "" : String(organisation.seats),
      manager: organisation.manager?.email ?? "",
    },
    seats: seats!,
    updatedAt: organisation.updatedAt,
  };
}
