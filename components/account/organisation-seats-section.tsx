// One organisation's seats: how many are taken, the invitation form, who
// joined and when they last read (with Remove), and the pending invitations
// (with Withdraw). The manager sees it at /account/organisation, an admin on
// the organisation's page; the actions check who may act.
import { inviteAction, removeMemberAction, withdrawInvitationAction } from "@/app/account/organisation/actions";
import { formatDate, formatDateTime, formatLastDay } from "@/lib/articles/format";
import type { OrganisationSeats } from "@/lib/organisations/organisation-queries";
import { OrganisationInviteForm } from "./organisation-invite-form";
import { ActionForm } from "@/components/site/action-form";

function accessLine(organisation: OrganisationSeats): string {
  switch (organisation.state) {
    case "upcoming":
      return `All-Access from ${formatDate(organisation.startsAt)} to the end of ${formatLastDay(organisation.endsAt)}.`;
    case "active":
      return `All-Access until the end of ${formatLastDay(organisation.endsAt)}.`;
    case "ended":
      return `Its access ended on ${formatLastDay(organisation.endsAt)}.`;
  }
}

export function OrganisationSeatsSection({
  organisation,
  from,
  permalink,
  heading,
}: {
  organisation: OrganisationSeats;
  /** The manager's page (which says how long access runs) or the admin's. */
  from: "account" | "admin";
  permalink: string;
  heading: string;
}) {
  const seats = organisation.seats ?? 0;
  const taken = organisation.members.length;
  const pending = organisation.invitations.length;
  const headingId = `seats-${organisation.id}`;
  const hidden = (
    <>
      <input type="hidden" name="organisationId" value={organisation.id} />
      <input type="hidden" name="from" value={from} />
    </>
  );
  return (
    <section aria-labelledby={headingId} className="organisation-seats">
      <h2 id={headingId}>{heading}</h2>
      <p>
        {from === "account" && <>{accessLine(organisation)} </>}
        {taken} of {seats} {seats === 1 ? "seat" : "seats"} taken
        {pending > 0 && `, ${pending} more held by ${pending === 1 ? "a pending invitation" : "pending invitations"}`}.
      </p>
      {organisation.state !== "ended" && (
        <OrganisationInviteForm
          action={inviteAction}
          organisationId={organisation.id}
          from={from}
          permalink={permalink}
        />
      )}
      <h3>Members</h3>
      {taken === 0 ? (
        <p className="meta">Nobody has joined yet.</p>
      ) : (
        <table className="seats-table">
          <thead>
            <tr>
              <th scope="col">Reader</th>
              <th scope="col">Joined</th>
              <th scope="col">Last read</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {organisation.members.map((member) => (
              <tr key={member.userId}>
                <td>{member.email}</td>
                <td>{formatDate(member.joinedAt)}</td>
                <td>{member.lastReadAt ? formatDateTime(member.lastReadAt) : "Not yet"}</td>
                <td>
                  <ActionForm action={removeMemberAction} permalink={permalink}>
                    {hidden}
                    <input type="hidden" name="userId" value={member.userId} />
                    <button type="submit" className="link-button" aria-label={`Remove ${member.email}`}>
                      Remove
                    </button>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending > 0 && (
        <>
          <h3>Pending invitations</h3>
          <table className="seats-table">
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Sent</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Withdraw</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {organisation.invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{formatDate(invitation.sentAt)}</td>
                  <td>{formatDate(invitation.expiresAt)}</td>
                  <td>
                    <ActionForm action={withdrawInvitationAction} permalink={permalink}>
                      {hidden}
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <button
                        type="submit"
                        className="link-button"
                        aria-label={`Withdraw the invitation to ${invitation.email}`}
                      >
                        Withdraw
                      </button>
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
