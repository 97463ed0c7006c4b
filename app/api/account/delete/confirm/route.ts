// POST /api/account/delete/confirm: the button on the page the deletion link
// opens. Deletes the account and ends this browser's session.
import { z } from "zod";
import { confirmAccountDeletion } from "@/lib/account/account-deletion";
import { expiredSessionCookies } from "@/lib/auth/auth-cookies";
import { ACCOUNT_TOKEN_PATTERN } from "@/lib/account/account-tokens";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";
import { refuseCrossSite } from "@/lib/http/same-origin";

const input = z.object({ token: z.string().regex(ACCOUNT_TOKEN_PATTERN) });

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const parsed = input.safeParse(await readInput(request));
  const result = parsed.success ? await confirmAccountDeletion(parsed.data.token) : "invalid-link";
  if (result === "invalid-link") {
    return answer(request, {
      status: 400,
      notice: "invalid-link",
      message: "That link has expired or was already used.",
    });
  }
  const response = answer(
    request,
    { status: 200, notice: "account-deleted", message: "Your account is deleted." },
    "/account/deleted",
  );
  for (const value of expiredSessionCookies()) response.headers.append("Set-Cookie", value);
  return response;
}
