"use server";
// Seats: inviting, withdrawing an invitation and removing a member, for an
// organisation's manager (at /account/organisation) and for admins (at
// /admin/organisations/{id}). Anyone can post any arguments to a server
// action: each reads its fields as strings, and lib/organisations checks that
// the signed-in reader manages the organisation (or is an admin) under the
// organisation's lock.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { InviteState } from "@/components/account/organisation-invite-form";
import { getReader } from "@/lib/auth/get-reader";
import { inviteToSeat, removeMember, withdrawInvitation } from "@/lib/organisations/organisation-seats";

function field(formData: unknown, name: string): string | undefined {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === "string" ? value.slice(0, 1000) : undefined;
}

/** Where the page that posted lives: the manager's page, or the admin's page of the organisation. */
function pageOf(formData: unknown): string {
  const organisationId = field(formData, "organisationId") ?? "";
  return field(formData, "from") === "admin" && /^[0-9a-f-]{36}$/i.test(organisationId)
    ? `/admin/organisations/${organisationId}`
    : "/account/organisation";
}

async function signedIn(returnTo: string) {
  const reader = await getReader();
  if (!reader) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return reader;
}

export async function inviteAction(_previous: InviteState, formData: unknown): Promise<InviteState> {
  const reader = await signedIn(pageOf(formData));
  const email = field(formData, "email") ?? "";
  const result = await inviteToSeat(reader, field(formData, "organisationId") ?? "", email);
  switch (result.kind) {
    case "invited":
      // The page's list of pending invitations shows the new one.
      refresh();
      return { status: "invited", message: `Invitation sent to ${result.email}.` };
    case "refused":
      return { status: "refused", message: result.message, email: email.slice(0, 254) };
    case "not-found":
      return { status: "refused", message: "You do not manage this organisation's seats.", email: email.slice(0, 254) };
  }
}

export async function removeMemberAction(_previous: void, formData: unknown): Promise<void> {
  const page = pageOf(formData);
  const reader = await signedIn(page);
  const result = await removeMember(reader, field(formData, "organisationId") ?? "", field(formData, "userId"));
  redirect(`${page}?notice=${result.kind === "removed" ? "member-removed" : "seat-not-found"}`);
}

export async function withdrawInvitationAction(_previous: void, formData: unknown): Promise<void> {
  const page = pageOf(formData);
  const reader = await signedIn(page);
  const result = await withdrawInvitation(
    reader,
    field(formData, "organisationId") ?? "",
    field(formData, "invitationId"),
  );
  redirect(`${page}?notice=${result.kind === "withdrawn" ? "invitation-withdrawn" : "seat-not-found"}`);
}
