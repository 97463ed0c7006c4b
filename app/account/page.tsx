// GET /account: the signed-in reader's free articles and sessions. (Plan,
// newsletters and data come with the account issue.)
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { listUnlockedArticles, readMeter } from "@/lib/access/reader-meter";
import { formatDate } from "@/lib/articles/format";
import { getReader } from "@/lib/auth/get-reader";
import { signOutEverywhereAction } from "@/app/signin/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const reader = await getReader();
  if (!reader) redirect("/signin?callbackUrl=/account");
  const [meter, unlocked] = await Promise.all([readMeter(reader.id), listUnlockedArticles(reader.id)]);
  return (
    <div className="message-page">
      <p className="kicker">Your account</p>
      <h1>{reader.email}</h1>
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
        <p>
          <Link href="/subscribe">Subscribe to All-Access</Link> to read everything.
        </p>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">Sessions</h2>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="button">
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
