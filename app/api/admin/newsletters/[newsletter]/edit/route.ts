// POST /api/admin/newsletters/{newsletter}/edit: change the next issue before
// it goes out: the editor's note, an article's place, dropping or restoring
// an article. Editors; a form post comes back to the issue's page.
import { z } from "zod";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";
import { withRole } from "@/lib/newsroom/require-role";
import { newsletterOf } from "../newsletter-of";
import { editNextIssue, MAX_NOTE_LENGTH, type IssueChange } from "@/lib/newsletters/next-issue";

const issueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const input = z.discriminatedUnion("action", [
  z.object({ action: z.literal("note"), issueDate, note: z.string().max(MAX_NOTE_LENGTH) }),
  z.object({ action: z.enum(["up", "down", "drop", "restore"]), issueDate, articleId: z.uuid() }),
]);

export const POST = withRole<{ newsletter: string }>("editor", async (request, { actor, params }) => {
  const newsletter = newsletterOf(request, params.newsletter);
  if ("refused" in newsletter) return newsletter.refused;
  const { info, back } = newsletter;
  const parsed = input.safeParse(await readInput(request));
  if (!parsed.success) {
    return answer(
      request,
      {
        status: 400,
        notice: "invalid-input",
        message: `Send issueDate (YYYY-MM-DD) and action: note (with a note of at most ${MAX_NOTE_LENGTH} characters), or up, down, drop or restore (with an articleId).`,
      },
      back,
    );
  }
  const { action, issueDate: date } = parsed.data;
  const change: IssueChange =
    parsed.data.action === "note"
      ? { kind: "note", note: parsed.data.note }
      : { kind: parsed.data.action, articleId: parsed.data.articleId };
  const result = await editNextIssue(actor, info.key, date, change);
  if (result === "stale") {
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
  if (result === "not-in-issue") {
    return answer(
      request,
      { status: 404, notice: "not-in-issue", message: "That article is not in the next issue." },
      back,
    );
  }
  return answer(
    request,
    { status: 200, notice: "issue-saved", message: "The next issue is updated.", body: { action } },
    back,
  );
});
