// The free trial a new subscription starts with (TRIAL_DAYS) is for readers
// who never subscribed: a reader whose earlier subscription ran (any status
// but the two of a first payment that never went through) would otherwise
// take a free month each time they cancel and come back. Offer links are the
// newsroom's to aim (a win-back trial code is one); they are not limited here.
//
// Only a signed-in reader is known before Checkout. A visitor gives their
// address on Checkout's page, after the terms were shown, so a visitor is
// offered the trial; docs/billing.md says so.
import type { Reader } from "@/lib/auth/get-reader";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";

// A first payment that failed or was abandoned: the subscription never started.
const NEVER_STARTED = ["incomplete", "incomplete_expired"];

/** The days of free trial `reader` is offered without an offer link (0: none). */
export async function defaultTrialDays(reader: Pick<Reader, "id"> | null): Promise<number> {
  const days = env().TRIAL_DAYS;
  if (days === 0 || reader === null) return days;
  const earlier = await db().subscription.findFirst({
    where: { userId: reader.id, status: { notIn: NEVER_STARTED } },
    select: { id: true },
  });
  return earlier ? 0 : days;
}
