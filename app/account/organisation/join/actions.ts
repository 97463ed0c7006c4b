"use server";
// Accepting an invitation to an organisation's seat, as the signed-in reader
// the invitation was sent to. The token comes from the form (the emailed
// link's); lib/organisations checks it, the address and the seats under the
// organisation's lock.
import { redirect } from "next/navigation";
import type { JoinState } from "@/components/account/organisation-join-form";
import { getReader } from "@/lib/auth/get-reader";
import { acceptInvitation, JOIN_PATH } from "@/lib/organisations/organisation-seats";

export async function acceptInvitationAction(_previous: JoinState, formData: unknown): Promise<JoinState> {
  const value = formData instanceof FormData ? formData.get("token") : null;
  const token = typeof value === "string" ? value.slice(0, 200) : "";
  const reader = await getReader();
  if (!reader) redirect(`${JOIN_PATH}?${new URLSearchParams({ token })}`);
  const result = await acceptInvitation(reader, token);
  switch (result.kind) {
    case "joined":
    case "already-member":
      redirect("/account?notice=organisation-joined");
    case "invalid":
      return {
        message:
          "This invitation can no longer be used: it expired, was withdrawn or was used already. Ask the organisation’s manager for a new one.",
      };
    case "wrong-address":
      return {
        message: `This invitation is for ${result.invited}, and you are signed in as ${reader.email}. Sign out, then open the link again and sign in with ${result.invited}.`,
      };
    case "full":
      return {
        message: `All of ${result.organisation}’s seats are taken. Ask its manager to free one, then press the button again.`,
      };
    case "ended":
      return { message: `${result.organisation}’s access has ended: nobody can join it now.` };
  }
}
