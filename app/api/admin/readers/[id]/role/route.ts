// POST /api/admin/readers/{id}/role: make a reader a reader, an editor or an admin (admins).
import { z } from "zod";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";
import { changeReaderRole } from "@/lib/newsroom/readers/change-reader-role";
import { withRole } from "@/lib/newsroom/require-role";
import { ROLES } from "@/lib/auth/roles";

const input = z.object({ role: z.enum(ROLES) });

export const POST = withRole<{ id: string }>("admin", async (request, { actor, params }) => {
  const here = `/admin/readers/${params.id}`;
  const parsed = input.safeParse(await readInput(request));
  if (!parsed.success) {
    return answer(
      request,
      { status: 400, notice: "invalid-role", message: "Send role: reader, editor or admin." },
      here,
    );
  }
  const result = await changeReaderRole(actor, { userId: params.id, role: parsed.data.role });
  switch (result.kind) {
    case "not-found":
    case "invalid-email":
      return answer(
        request,
        { status: 404, notice: "not-found", message: "There is no such reader." },
        "/admin/readers",
      );
    case "own-admin-role":
      return answer(
        request,
        { status: 409, notice: "own-admin-role", message: "You cannot take away your own admin role." },
        here,
      );
    case "unchanged":
      return answer(
        request,
        {
          status: 200,
          notice: "role-unchanged",
          message: `Their role already is ${result.role}.`,
          body: { role: result.role },
        },
        here,
      );
    case "changed":
      return answer(
        request,
        { status: 200, notice: "role-changed", message: `Their role is now ${result.to}.`, body: { role: result.to } },
        here,
      );
  }
});
