// Seats: the manager of an organisation (or an admin) invites readers by
// email, sees who joined and when they last read, withdraws invitations and
// removes members; an invited reader accepts with the emailed link, signed
// in with the address it went to.
//
// A pending invitation holds a seat, so the manager cannot promise more
// seats than there are; acceptance checks again, since an admin may have
// lowered the seats meanwhile. Every change locks the organisation's row
// first, so parallel invitations and acceptances are counted one after
// another: with one seat left, of ten readers accepting at once exactly one
// joins. Each change is written to the audit log in its transaction. A
// removed member loses access with their next request: the access decision
// reads memberships on every request (lib/access/organisation-membership.ts).
import { randomBytes } from "node:crypto";
import { ACCOUNT_TOKEN_PATTERN, hashToken } from "@/lib/account/account-tokens";
import { formatLastDay } from "@/lib/articles/format";
import { actorOf } from "@/lib/auth/actor";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { hasRole, type Role } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit-log";
import { publicUrl } from "@/lib/config/env";
import { db, Prisma } from "@/lib/db/prisma";
import { sendMail } from "@/lib/mail/send-mail";
import { describeError, log } from "@/lib/observability/log";
import { INVITATION_DAYS, invitationMail } from "./invitation-mail";
import { isUuid } from "./save-organisation";

/** Who acts on seats: the organisation's manager, or an admin. */
export type SeatActor = { id: string; email: string; role: Role };

type Tx = Prisma.TransactionClient;

type LockedOrganisation = { id: string; name: string; seats: number | null; ends_at: Date; manager_id: string | null };

const DAY_MS = 86_400_000;
/** A second invitation to one address within this time is refused: the first is on its way. */
const RESEND_AFTER_MS = 10 * 60_000;

export const JOIN_PATH = "/account/organisation/join";

/** Locks the organisation's row; null when there is none or `actor` may not manage it. */
async function lockForActor(
  tx: Tx,
  organisationId: string,
  actor: SeatActor | null,
): Promise<LockedOrganisation | null> {
  if (!isUuid(organisationId)) return null;
  const [organisation] = await tx.$queryRaw<LockedOrganisation[]>`
    SELECT id::text, name, seats, ends_at, manager_id::text FROM organisations WHERE id = ${organisationId}::uuid FOR UPDATE`;
  if (!organisation) return null;
  if (actor && organisation.manager_id !== actor.id && !hasRole(actor.role, "admin")) return null;
  return organisation;
}

async function seatsTaken(tx: Tx, organisationId: string, now: Date, exceptEmail: string | null = null) {
  const [row] = await tx.$queryRaw<{ members: number; pending: number }[]>`
    SELECT (SELECT count(*)::int FROM organisation_members WHERE organisation_id = ${organisationId}::uuid) AS members,
           (SELECT count(*)::int FROM organisation_invitations
             WHERE organisation_id = ${organisationId}::uuid AND expires_at > ${now}::timestamptz
               AND email IS DISTINCT FROM ${exceptEmail}) AS pending`;
  return row!;
}

export type InviteResult =
  { kind: "invited"; email: string } | { kind: "refused"; message: string } | { kind: "not-found" };

/** Invites `rawEmail` to a seat and emails the link (after the transaction). */
export async function inviteToSeat(
  actor: SeatActor,
  organisationId: string,
  rawEmail: unknown,
  now = new Date(),
): Promise<InviteResult> {
  const email = typeof rawEmail === "string" && rawEmail.length <= 1000 ? normalizeEmail(rawEmail) : null;
  if (!email) {
    return { kind: "refused", message: "That does not look like an email address; check it, like name@example.org." };
  }
  const token = randomBytes(32).toString("base64url");
  const outcome = await db().$transaction(
    async (tx): Promise<InviteResult | { kind: "write"; organisation: LockedOrganisation }> => {
      const organisation = await lockForActor(tx, organisationId, actor);
      if (!organisation) return { kind: "not-found" };
      if (organisation.seats === null) return { kind: "refused", message: `${organisation.name} has no seats.` };
      if (organisation.ends_at.getTime() <= now.getTime()) {
        return {
          kind: "refused",
          message: `${organisation.name}'s access ended on ${formatLastDay(organisation.ends_at)}: nobody can join it now.`,
        };
      }
      const [member] = await tx.$queryRaw<unknown[]>`
        SELECT 1 FROM organisation_members m JOIN users u ON u.id = m.user_id
        WHERE m.organisation_id = ${organisation.id}::uuid AND u.email = ${email}`;
      if (member) return { kind: "refused", message: `${email} already holds a seat.` };
      const [pending] = await tx.$queryRaw<{ created_at: Date }[]>`
        SELECT created_at FROM organisation_invitations
        WHERE organisation_id = ${organisation.id}::uuid AND email = ${email} AND expires_at > ${now}::timestamptz`;
      if (pending && now.getTime() - pending.created_at.getTime() < RESEND_AFTER_MS) {
        return {
          kind: "refused",
          message: `An invitation went to ${email} a few minutes ago; ask them to look for it (and in their spam folder).`,
        };
      }
      // A new invitation to an address already invited takes no second seat.
      const { members, pending: others } = await seatsTaken(tx, organisation.id, now, email);
      if (members + others >= organisation.seats) {
        return {
          kind: "refused",
          message: `All ${organisation.seats} seats are taken or held by pending invitations: remove a member or withdraw an invitation first.`,
        };
      }
      await tx.$executeRaw`
        DELETE FROM organisation_invitations WHERE organisation_id = ${organisation.id}::uuid AND expires_at <= ${now}::timestamptz`;
      await tx.$executeRaw`
        INSERT INTO organisation_invitations (organisation_id, email, token_hash, created_at, expires_at)
        VALUES (${organisation.id}::uuid, ${email}, ${hashToken(token)}, ${now}::timestamptz,
                ${new Date(now.getTime() + INVITATION_DAYS * DAY_MS)}::timestamptz)
        ON CONFLICT (organisation_id, email) DO UPDATE
          SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at`;
      await recordAudit(tx, actorOf(actor), {
        action: "organisation.invite",
        subject: organisation.name,
        details: { organisationId: organisation.id, email },
      });
      return { kind: "write", organisation };
    },
  );
  if (outcome.kind !== "write") return outcome;
  const url = `${publicUrl()}${JOIN_PATH}?${new URLSearchParams({ token })}`;
  try {
    await sendMail(
      invitationMail(email, {
        organisation: outcome.organisation.name,
        endsAt: outcome.organisation.ends_at,
        invitedBy: actor.email,
        url,
      }),
    );
  } catch (error) {
    log("error", "organisation-invitation-not-sent", describeError(error));
    // Not sent: the invitation must not hold a seat nobody can take.
    await withdrawByToken(actor, outcome.organisation, email, token);
    return { kind: "refused", message: "We could not send the email just now; nothing was saved. Please try again." };
  }
  return { kind: "invited", email };
}

async function withdrawByToken(actor: SeatActor, organisation: LockedOrganisation, email: string, token: string) {
  await db().$transaction(async (tx) => {
    const removed = await tx.$executeRaw`DELETE FROM organisation_invitations WHERE token_hash = ${hashToken(token)}`;
    if (removed > 0) {
      await recordAudit(tx, actorOf(actor), {
        action: "organisation.withdraw-invitation",
        subject: organisation.name,
        details: { organisationId: organisation.id, email, reason: "the email could not be sent" },
      });
    }
  });
}

/** Withdraws a pending invitation. */
export async function withdrawInvitation(
  actor: SeatActor,
  organisationId: string,
  invitationId: unknown,
): Promise<{ kind: "withdrawn"; email: string } | { kind: "not-found" }> {
  if (typeof invitationId !== "string" || !isUuid(invitationId)) return { kind: "not-found" };
  return db().$transaction(async (tx) => {
    const organisation = await lockForActor(tx, organisationId, actor);
    if (!organisation) return { kind: "not-found" } as const;
    const [removed] = await tx.$queryRaw<{ email: string }[]>`
      DELETE FROM organisation_invitations
      WHERE id = ${invitationId}::uuid AND organisation_id = ${organisation.id}::uuid RETURNING email`;
    if (!removed) return { kind: "not-found" } as const;
    await recordAudit(tx, actorOf(actor), {
      action: "organisation.withdraw-invitation",
      subject: organisation.name,
      details: { organisationId: organisation.id, email: removed.email },
    });
    return { kind: "withdrawn", email: removed.email } as const;
  });
}

/** Removes a member: they read through the organisation no more, from their next request. */
export async function removeMember(
  actor: SeatActor,
  organisationId: string,
  userId: unknown,
): Promise<{ kind: "removed"; email: string } | { kind: "not-found" }> {
  if (typeof userId !== "string" || !isUuid(userId)) return { kind: "not-found" };
  return db().$transaction(async (tx) => {
    const organisation = await lockForActor(tx, organisationId, actor);
    if (!organisation) return { kind: "not-found" } as const;
    const [removed] = await tx.$queryRaw<{ email: string }[]>`
      WITH gone AS (
        DELETE FROM organisation_members
        WHERE organisation_id = ${organisation.id}::uuid AND user_id = ${userId}::uuid RETURNING user_id)
      SELECT u.email FROM gone JOIN users u ON u.id = gone.user_id`;
    if (!removed) return { kind: "not-found" } as const;
    await recordAudit(tx, actorOf(actor), {
      action: "organisation.remove-member",
      subject: organisation.name,
      details: { organisationId: organisation.id, email: removed.email },
    });
    return { kind: "removed", email: removed.email } as const;
  });
}

export type InvitationView = { organisation: string; email: string; endsAt: Date };

/** What an invitation link shows before it is accepted (opening it changes nothing); null when unusable. */
export async function invitationForToken(token: unknown, now = new Date()): Promise<InvitationView | null> {
  if (typeof token !== "string" || !ACCOUNT_TOKEN_PATTERN.test(token)) return null;
  const [row] = await db().$queryRaw<InvitationView[]>`
    SELECT o.name AS organisation, i.email, o.ends_at AS "endsAt"
    FROM organisation_invitations i JOIN organisations o ON o.id = i.organisation_id
    WHERE i.token_hash = ${hashToken(token)} AND i.expires_at > ${now}::timestamptz`;
  return row ?? null;
}

export type AcceptResult =
  | { kind: "joined" | "already-member"; organisation: string; endsAt: Date }
  | { kind: "invalid" }
  | { kind: "wrong-address"; invited: string }
  | { kind: "full" | "ended"; organisation: string };

/** Accepts the invitation whose link holds `token`, for the signed-in `reader`. */
export async function acceptInvitation(reader: SeatActor, token: unknown, now = new Date()): Promise<AcceptResult> {
  if (typeof token !== "string" || !ACCOUNT_TOKEN_PATTERN.test(token)) return { kind: "invalid" };
  const tokenHash = hashToken(token);
  const [invited] = await db().$queryRaw<{ organisation_id: string }[]>`
    SELECT organisation_id::text FROM organisation_invitations WHERE token_hash = ${tokenHash}`;
  if (!invited) return { kind: "invalid" };
  return db().$transaction(async (tx): Promise<AcceptResult> => {
    const organisation = await lockForActor(tx, invited.organisation_id, null);
    if (!organisation) return { kind: "invalid" };
    // Read again under the lock: withdrawn, used or renewed meanwhile.
    const [invitation] = await tx.$queryRaw<{ id: string; email: string }[]>`
      SELECT id::text, email FROM organisation_invitations
      WHERE token_hash = ${tokenHash} AND organisation_id = ${organisation.id}::uuid AND expires_at > ${now}::timestamptz`;
    if (!invitation) return { kind: "invalid" };
    if (invitation.email !== reader.email) return { kind: "wrong-address", invited: invitation.email };
    if (organisation.ends_at.getTime() <= now.getTime()) return { kind: "ended", organisation: organisation.name };
    const member = { organisation: organisation.name, endsAt: organisation.ends_at };
    const [held] = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM organisation_members WHERE organisation_id = ${organisation.id}::uuid AND user_id = ${reader.id}::uuid`;
    if (!held) {
      const { members } = await seatsTaken(tx, organisation.id, now);
      if (organisation.seats === null || members >= organisation.seats) {
        return { kind: "full", organisation: organisation.name };
      }
      await tx.$executeRaw`
        INSERT INTO organisation_members (organisation_id, user_id, joined_at)
        VALUES (${organisation.id}::uuid, ${reader.id}::uuid, ${now}::timestamptz)`;
      await recordAudit(tx, actorOf(reader), {
        action: "organisation.join",
        subject: organisation.name,
        details: { organisationId: organisation.id, email: reader.email },
      });
    }
    await tx.$executeRaw`DELETE FROM organisation_invitations WHERE id = ${invitation.id}::uuid`;
    return { kind: held ? "already-member" : "joined", ...member };
  });
}
