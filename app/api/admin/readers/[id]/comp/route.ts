// POST /api/admin/readers/{id}/comp: complimentary All-Access until the end of `until` (YYYY-MM-DD, publication time zone; admins).
import { formatDate } from "@/lib/articles/format";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";
import { grantComp } from "@/lib/newsroom/readers/comp-access";
import { withRole } from "@/lib/newsroom/require-role";

export const POST = withRole<{ id: string }>("admin", async (request, { actor, params }) => {
  const here = `/admin/readers/${params.id}`;
  const input = await readInput(request);
  if (!input)
    return answer(
      request,
      { status: 400, notice: "invalid-input", message: "Send until as a form field or in a JSON object." },
      here,
    );
  const result = await grantComp(actor, { userId: params.id, day: input.until });
  switch (result.kind) {
    case "invalid-date":
      return answer(request, { status: 400, notice: "invalid-date", message: result.message }, here);
    case "not-found":
      return answer(
        request,
        { status: 404, notice: "not-found", message: "There is no such reader." },
        "/admin/readers",
      );
    case "granted":
      return answer(
        request,
        {
          status: 200,
          notice: "comp-granted",
          message: `${result.email} reads everything until the end of ${formatDate(new Date(result.until.getTime() - 1))}.`,
          body: { compUntil: result.until.toISOString() },
        },
        here,
      );
  }
});
