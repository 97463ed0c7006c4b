"use server";
// The panel's "Read this article" button: spends a free article, then shows
// the article again, now whole.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { unlockArticleBySlug } from "@/lib/access/unlock-article";
import { getReader } from "@/lib/auth/get-reader";
import { isPlausibleSlug } from "@/lib/http/search-params";

export async function unlockArticleAction(slug: unknown): Promise<void> {
  if (typeof slug !== "string" || !isPlausibleSlug(slug)) redirect("/");
  const path = `/articles/${slug}`;
  const reader = await getReader();
  if (!reader) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await unlockArticleBySlug(reader, slug);
  // Whatever the outcome (unlocked, already unlocked, none left), the article
  // page shows it at the cut: the rest of the text, or the panel saying what is left.
  // A redirect that changes only the fragment would just scroll the page in
  // the browser; refresh() makes it render the page again as well.
  refresh();
  redirect(`${path}#continue`);
}
