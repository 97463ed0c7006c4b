// A gift's sign-up, for the insights: an account created, by a sign-in
// completed in a browser that had opened a gift link before the account
// existed, is recorded as coming from that gift (its article; the newest
// such gift when there are several), and counted. Its subscription, if one
// follows, counts for the gift too (lib/insights/reader-origin.ts). Called
// by the two routes that complete a sign-in (app/api/signin/confirm and
// app/api/signin/code), where the browser's cookie is at hand.
import { db } from "@/lib/db/prisma";
import { recordReaderOrigin } from "@/lib/insights/reader-origin";
import { log, describeError } from "@/lib/observability/log";

// "Created by this sign-in": the account is at most this old. The sign-in
// that creates it completes moments before; the margin absorbs a clock that
// differs between the app and PostgreSQL.
const NEW_ACCOUNT = "1 hour";

/** True when the account of `email` was recorded as a gift's sign-up now. */
export async function recordGiftSignUp(email: string, browserId: string | null, now = new Date()): Promise<boolean> {
  if (browserId === null) return false;
  try {
    const [row] = await db().$queryRaw<{ userId: string; articleId: string }[]>`
      SELECT u.id::text AS "userId", g.article_id::text AS "articleId"
      FROM users u
      JOIN gift_opens o ON o.browser_id = ${browserId} AND o.first_opened_at <= u.created_at
      JOIN gift_links g ON g.id = o.gift_id
      WHERE u.email = ${email} AND u.created_at > ${now}::timestamptz - ${NEW_ACCOUNT}::interval
      ORDER BY o.first_opened_at DESC
      LIMIT 1`;
    if (!row) return false;
    return await db().$transaction((tx) => recordReaderOrigin(tx, { ...row, origin: "gift" }, now));
  } catch (error) {
    // The reader is signed in by now: a count that cannot be written must not undo that.
    log("error", "gift-sign-up-not-recorded", describeError(error));
    return false;
  }
}
