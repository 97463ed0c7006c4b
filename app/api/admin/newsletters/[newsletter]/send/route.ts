// POST /api/admin/newsletters/{newsletter}/send: send the next issue now
// rather than at its scheduled time. Editors. `issueDate` must name the issue
// the editor saw, so a second press (or a stale page) cannot send the one after.
import { NextResponse } from "next/server";
import { z } from "zod";
import { answer } from "@/lib/http/answer";
import { isFormPost, readInput } from "@/lib/http/read-input";
import { withRole } from "@/lib/newsroom/require-role";
import { newsletterOf } from "../newsletter-of";
import { nextIssueDate } from "@/lib/newsletters/issue-dates";
import { startIssueSend } from "@/lib/newsletters/start-send";

const input = z.object({ issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

export const POST = withRole<{ newsletter: string }>("editor", async (request, { actor, params }) => {
  const newsletter = newsletterOf(request, params.newsletter);
  if ("refused" in newsletter) return newsletter.refused;
  const { info, back } = newsletter;
  const parsed = input.safeParse(await readInput(request));
  if (!parsed.success)
    return answer(
      request,
      { status: 400, notice: "invalid-input", message: "Send issueDate (YYYY-MM-DD): the issue to send." },
      back,
    );
  const { issueDate } = parsed.data;
  if ((await nextIssueDate(info.key, new Date())) !== issueDate) {
    return answer(
      request,
      {
        status: 409,
        notice: "issue-stale",
        message: "That issue is no longer the next one: it was sent, or its day passed.",
      },
      back,
    );
  }
  const result = await startIssueSend(actor, info.key, { issueDate });
  if (result.kind === "empty") {
    return answer(
      request,
      {
        status: 409,
        notice: "issue-empty",
        message: "Nothing to send: no article in this issue. It is recorded as empty and not sent.",
      },
      back,
    );
  }
  if (result.kind === "already") {
    return answer(request, { status: 409, notice: "issue-stale", message: "That issue is already being sent." }, back);
  }
  const report = `/admin/newsletters/issues/${result.issueId}`;
  if (isFormPost(request)) return NextResponse.redirect(new URL(report, request.url), 303);
  return NextResponse.json(
    { ok: true, issueId: result.issueId, issueDate: result.issueDate, recipients: result.recipients, report },
    { status: 202 },
  );
});
