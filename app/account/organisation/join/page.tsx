// GET /account/organisation/join?token=…: where an invitation to a seat leads.
// Opening it changes nothing (mail scanners open links): the signed-in reader
// the invitation went to presses the button.
import type { Metadata } from "next";
import Link from "next/link";
import { OrganisationJoinForm } from "@/components/account/organisation-join-form";
import { ActionForm } from "@/components/site/action-form";
import { signOutAction } from "@/app/signin/actions";
import { formatLastDay } from "@/lib/articles/format";
import { getReader } from "@/lib/auth/get-reader";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";
import { invitationForToken, JOIN_PATH } from "@/lib/organisations/organisation-seats";
import { acceptInvitationAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Join an organisation",
  robots: { index: false },
  referrer: "no-referrer",
};

export default async function JoinOrganisationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const { token } = await searchParams;
  const [invitation, reader] = await Promise.all([invitationForToken(token), getReader()]);
  if (!invitation || typeof token !== "string") {
    return (
      <div className="message-page">
        <h1>This invitation cannot be used</h1>
        <p>
          It expired, was withdrawn or was used already, or the link is incomplete. Ask the organisation’s manager for a
          new invitation, or go to <Link href="/account">your account</Link>.
        </p>
      </div>
    );
  }
  const here = `${JOIN_PATH}?${new URLSearchParams({ token })}`;
  const signIn = `/signin?${new URLSearchParams({ email: invitation.email, callbackUrl: here })}`;
  return (
    <div className="message-page">
      <p className="kicker">Invitation</p>
      <h1>Join {invitation.organisation}</h1>
      <p>
        {invitation.organisation} gives its members All-Access to {env().PUBLICATION_NAME}: every article, until the end
        of {formatLastDay(invitation.endsAt)}. This invitation is for {invitation.email}.
      </p>
      {!reader ? (
        <p>
          <Link className="button button-primary" href={signIn}>
            Sign in as {invitation.email} to accept
          </Link>
        </p>
      ) : reader.email !== invitation.email ? (
        <>
          <p className="form-error" role="alert">
            You are signed in as {reader.email}. Sign out, then open the link again and sign in with {invitation.email}.
          </p>
          <ActionForm action={signOutAction} permalink="/">
            <button type="submit" className="button">
              Sign out
            </button>
          </ActionForm>
        </>
      ) : (
        <OrganisationJoinForm
          action={acceptInvitationAction}
          token={token}
          organisation={invitation.organisation}
          permalink={here}
        />
      )}
    </div>
  );
}
