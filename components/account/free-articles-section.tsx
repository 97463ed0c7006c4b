import Link from "next/link";
import type { MeterSummary, UnlockedArticle } from "@/lib/access/reader-meter";
import { formatDate } from "@/lib/articles/format";

/** The meter this month and every article the reader unlocked (all months). */
export function FreeArticlesSection({ meter, unlocked }: { meter: MeterSummary; unlocked: UnlockedArticle[] }) {
  return (
    <section aria-labelledby="free-articles">
      <h2 id="free-articles">Free articles</h2>
      <p>
        You have used {meter.used} of your {meter.limit} free articles this month; {meter.remaining} left. They come
        back on {formatDate(meter.resetsAt)}.
      </p>
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
