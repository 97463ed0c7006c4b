// POST /api/account/newsletters: switch one newsletter on or off for the
// signed-in reader, at once.
import { z } from "zod";
import { isSubscriber } from "@/lib/access/article-access";
import { NEWSLETTERS, setNewsletter, type NewsletterKey } from "@/lib/account/newsletter-choices";
import { withReader } from "@/lib/auth/with-reader";
import { answer } from "@/lib/http/answer";
import { readInput } from "@/lib/http/read-input";

const input = z.object({
  newsletter: z.enum(NEWSLETTERS as [NewsletterKey, ...NewsletterKey[]]),
  subscribed: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});

export const POST = withReader(async (request, { reader }) => {
  const parsed = input.safeParse(await readInput(request));
  if (!parsed.success) {
    return answer(request, {
      status: 400,
      notice: "invalid-input",
      message: "Send newsletter (free, daily_review or weekly_review) and subscribed (true or false).",
    });
  }
  const { newsletter, subscribed } = parsed.data;
  const result = await setNewsletter(reader.id, newsletter, subscribed, await isSubscriber(reader));
  if (result === "subscribers-only") {
    return answer(request, {
      status: 403,
      notice: "subscribers-only",
      message: "The Reviews are for All-Access subscribers.",
    });
  }
  return answer(request, {
    status: 200,
    notice: "newsletter-updated",
    message: "Your newsletter choice is saved.",
    body: { newsletter, subscribed },
  });
});
