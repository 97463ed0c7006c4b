// The emails of account changes, built apart from sending them so that their
// words can be read in a unit test. The publication's name is a name
// (PUBLICATION_NAME, "The Folio Review" by default), so it never follows an
// article or a possessive: "your account at The Folio Review", never "the
// The Folio Review account".
import { env } from "@/lib/config/env";
import { actionMail } from "@/lib/mail/action-mail";
import type { Mail } from "@/lib/mail/send-mail";

export function deletionConfirmationMail(to: string, url: string): Mail {
  const name = env().PUBLICATION_NAME;
  return actionMail({
    to,
    subject: `Confirm deleting your account at ${name}`,
    lines: [
      `You asked to delete your account at ${name}. This cannot be undone: your subscription, if any, ends now, and your reading history, newsletters and sign-in history are erased.`,
      "One number stays until the end of this month: how many free articles you used this month, filed under a one-way code made from your address, so that signing up again this month does not start a new count.",
      "Nothing happens unless you confirm. The link works once and expires in an hour.",
    ],
    action: { label: "Delete my account", url },
  });
}

export function emailChangeConfirmationMail(to: string, currentEmail: string, url: string): Mail {
  const name = env().PUBLICATION_NAME;
  return actionMail({
    to,
    subject: `Confirm your new email address for ${name}`,
    lines: [
      `Someone (we hope you) asked to use this address for the account of ${currentEmail} at ${name}.`,
      "Nothing changes until you confirm. The link works once and expires in an hour.",
    ],
    action: { label: "Confirm this address", url },
  });
}

export function emailChangedNoticeMail(to: string, newEmail: string): Mail {
  const name = env().PUBLICATION_NAME;
  return actionMail({
    to,
    subject: `Your email address for ${name} was changed`,
    lines: [
      `The email address of your account at ${name} is now ${newEmail}.`,
      "If you did not do this, reply to this email straight away.",
    ],
  });
}
