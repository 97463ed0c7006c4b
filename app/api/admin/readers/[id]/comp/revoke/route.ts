// POST /api/admin/readers/{id}/comp/revoke: end a reader's complimentary All-Access now (admins).
import { answer } from "@/lib/http/answer";
import { revokeComp } from "@/lib/newsroom/readers/comp-access";
import { withRole } from "@/lib/newsroom/require-role";

export const POST = withRole<{ id: string }>("admin", async (request, { actor, params }) => {
  const here = `/admin/readers/${params.id}`;
  const result = await revokeComp(actor, { userId: params.id });
  switch (result.kind) {
    case "not-found":
      return answer(
        request,
        { status: 404, notice: "not-found", message: "There is no such reader." },
        "/admin/readers",
      );
    case "not-comped":
      return answer(
        request,
        { status: 200, notice: "comp-none", message: `${result.email} has no comp access running.` },
        here,
      );
    case "revoked":
      return answer(
        request,
        { status: 200, notice: "comp-revoked", message: `${result.email}'s comp access is revoked.` },
        here,
      );
  }
});
