// Granting complimentary All-Access until a date, or revoking it.
import { formatLastDay } from "@/lib/articles/format";
import { env } from "@/lib/config/env";
import { todayIn } from "@/lib/newsroom/readers/comp-until";

export function CompSection({
  readerId,
  compUntil,
  running,
}: {
  readerId: string;
  compUntil: Date | null;
  running: boolean;
}) {
  const timeZone = env().PUBLICATION_TIMEZONE;
  return (
    <section aria-labelledby="comp">
      <h2 id="comp">Complimentary All-Access</h2>
      {running && compUntil ? (
        <p>
          Reads everything until the end of {formatLastDay(compUntil)} ({timeZone}).
        </p>
      ) : compUntil ? (
        <p>Had complimentary access until the end of {formatLastDay(compUntil)}; it has ended.</p>
      ) : (
        <p>None.</p>
      )}
      <form method="post" action={`/api/admin/readers/${readerId}/comp`} className="inline-form">
        <label htmlFor="comp-until">{running ? "Change the last day to" : "Grant until the end of"}</label>
        <input id="comp-until" type="date" name="until" required min={todayIn(timeZone)} />
        <button type="submit" className="button">
          {running ? "Change comp access" : "Grant comp access"}
        </button>
      </form>
      <p className="meta">The day ends at midnight in the publication’s time zone ({timeZone}).</p>
      {running && (
        <form method="post" action={`/api/admin/readers/${readerId}/comp/revoke`}>
          <button type="submit" className="button">
            Revoke comp access
          </button>
        </form>
      )}
    </section>
  );
}
