// POST /api/account/email/confirm: the button on the page the confirmation
// link opens. The token alone proves the reader reads the new address.
import { z } from "zod";
import { confirmEmailChange } from "@/lib/account/email-change";
import { ACCOUNT_TOKEN_PATTERN } from "@/lib/account/account-tokens";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";
import { refuseCrossSite } from "@/lib/http/same-origin";

const input = z.object({ token: z.string().regex(ACCOUNT_TOKEN_PATTERN) });

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const parsed = input.safeParse(await readInput(request));
  const result = parsed.success ? await confirmEmailChange(parsed.data.token) : ({ status: "invalid-link" } as const);
  if (result.status === "changed") {
    return answer(request, {
      status: 200,
      notice: "email-changed",
      message: `Your email address is now ${result.email}.`,
    });
  }
  if (result.status === "address-taken") {
    return answer(request, { status: 409, notice: "email-taken", message: "That address belongs to another account." });
  }
  return answer(request, {
    status: 400,
    notice: "invalid-link",
    message: "That link has expired or was already used.",
  });
}
