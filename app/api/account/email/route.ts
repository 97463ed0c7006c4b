// POST /api/account/email: ask to change the reader's email address. A link
// goes to the new address; nothing changes until it is confirmed.
import { z } from "zod";
import { requestEmailChange } from "@/lib/account/email-change";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { withReader } from "@/lib/auth/with-reader";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";

const input = z.object({ email: z.string().max(1000) });

export const POST = withReader(async (request, { reader }) => {
  const parsed = input.safeParse(await readInput(request));
  const email = parsed.success ? normalizeEmail(parsed.data.email) : null;
  if (!email) {
    return answer(request, {
      status: 400,
      notice: "invalid-email",
      message: "That does not look like an email address.",
    });
  }
  const result = await requestEmailChange(reader, email);
  if (result === "same-address") {
    return answer(request, { status: 400, notice: "same-email", message: "That is already your email address." });
  }
  if (result === "limited") {
    return answer(request, {
      status: 429,
      notice: "limited",
      message: "Several links were sent just now; please use the latest.",
    });
  }
  return answer(request, { status: 202, notice: "email-sent", message: `We sent a confirmation link to ${email}.` });
});
