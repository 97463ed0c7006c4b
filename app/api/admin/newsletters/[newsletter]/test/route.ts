// POST /api/admin/newsletters/{newsletter}/test: send the next issue, as it
// would go out now, to the signed-in editor's own address, "[Test]" in the
// subject. Editors. `issueDate` names the issue the editor saw; the issue
// itself is not touched (see lib/newsletters/test-send.ts).
import { z } from "zod";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";
import { withRole } from "@/lib/newsroom/require-role";
import { newsletterOf } from "../newsletter-of";
import { sendTestIssue, TEST_SENDS_PER_WINDOW, TEST_WINDOW_MINUTES } from "@/lib/newsletters/test-send";

const input = z.object({ issueDate: z.iso.date() });

export const POST = withRole<{ newsletter: string }>("editor", async (request, { actor, params }) => {
  const newsletter = newsletterOf(request, params.newsletter);
  if ("refused" in newsletter) return newsletter.refused;
  const { info, back } = newsletter;
  const parsed = input.safeParse(await readInput(request));
  if (!parsed.success)
    return answer(
      request,
      { status: 400, notice: "invalid-input", message: "Send issueDate (YYYY-MM-DD): the issue to test." },
      back,
    );
  const result = await sendTestIssue(actor, info.key, parsed.data.issueDate);
  switch (result.kind) {
    case "sent":
      return answer(
        request,
        {
          status: 200,
          notice: "test-sent",
          message: `The test is sent to ${result.to}.`,
          body: { to: result.to, subject: result.subject },
        },
        back,
      );
    case "stale":
      return answer(
        request,
        {
          status: 409,
          notice: "issue-stale",
          message: "That issue is no longer the next one: it was sent, or its day passed.",
        },
        back,
      );
    case "empty":
      return answer(
        request,
        { status: 409, notice: "test-empty", message: "Nothing to test: no article in this issue." },
        back,
      );
    case "limited": {
      const limited = answer(
        request,
        {
          status: 429,
          notice: "test-limited",
          message: `At most ${TEST_SENDS_PER_WINDOW} tests in ${TEST_WINDOW_MINUTES} minutes: try again in a few minutes.`,
        },
        back,
      );
      limited.headers.set("Retry-After", String(TEST_WINDOW_MINUTES * 60));
      return limited;
    }
    case "failed":
      return answer(
        request,
        {
          status: 502,
          notice: "test-failed",
          message: `The mail server did not take the test: ${result.reason}`,
        },
        back,
      );
  }
});
