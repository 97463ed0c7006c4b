// POST /api/account/delete: ask to delete the account; a confirmation link
// goes to the reader's address, and nothing happens until it is used.
import { requestAccountDeletion } from "@/lib/account/account-deletion";
import { withReader } from "@/lib/auth/with-reader";
import { answer } from "@/lib/http/answer";

export const POST = withReader(async (request, { reader }) => {
  const result = await requestAccountDeletion(reader);
  if (result === "limited") {
    return answer(request, {
      status: 429,
      notice: "limited",
      message: "Several links were sent just now; please use the latest.",
    });
  }
  return answer(request, {
    status: 202,
    notice: "deletion-sent",
    message: `We sent a confirmation link to ${reader.email}.`,
  });
});
