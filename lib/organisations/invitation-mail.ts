// The email that invites a reader to a seat, built apart from sending it so
// that its words can be read in a unit test (like lib/account/account-mails.ts).
import { formatLastDay } from "@/lib/articles/format";
import { env } from "@/lib/config/env";
import { actionMail } from "@/lib/mail/action-mail";
import type { Mail } from "@/lib/mail/send-mail";

export const INVITATION_DAYS = 14;

export function invitationMail(
  to: string,
  invitation: { organisation: string; endsAt: Date; invitedBy: string; url: string },
): Mail {
  const name = env().PUBLICATION_NAME;
  return actionMail({
    to,
    subject: `${invitation.organisation} invites you to read ${name}`,
    lines: [
      `${invitation.invitedBy} invites you to take one of ${invitation.organisation}'s seats at ${name}: All-Access to every article, until the end of ${formatLastDay(invitation.endsAt)}.`,
      `To accept, open the link and sign in with this address (${to}); there is no password. The link works for ${INVITATION_DAYS} days.`,
      "If you did not expect this, ignore this email: nothing happens unless you accept.",
    ],
    action: { label: "Accept the invitation", url: invitation.url },
  });
}
