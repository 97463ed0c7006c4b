import Link from "next/link";
import type { MeterSummary, UnlockedArticle } from "@/lib/access/reader-meter";
import { formatDate } from "@/lib/articles/format";

/** The meter this month and every article the reader unlocked (all months). */
export function FreeArticlesSection({
  meter,
  unlocked,
  subscriber,
}: {
  meter: MeterSummary;
  unlocked: UnlockedArticle[];
  subscriber: boolean;
}) {
  return (
    <section aria-labelledby="free-articles">
      <h2 id="free-articles">Free articles</h2>
      {subscriber ? (
        <p>You read everything; free articles are not counted.</p>
      ) : (
        <p>
          You have used {meter.used} of your {meter.limit} free articles this month; {meter.remaining} left. They come
          back on {formatDate(meter.resetsAt)}.
        </p>
      )}
      {unlocked.length > 0 && <h3>Articles you unlocked</h3>}
      {unlocked.length > 0 && (
        <ul>
          {unlocked.map((article) => (
            <li key={article.slug}>
              <Link href={`/articles/${article.slug}`}>{article.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
