// "Read this article": spending a free article on an article named by slug,
// shared by the panel's button and POST /api/articles/{slug}/unlock.
import type { Reader } from "@/lib/auth/get-reader";
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { isPlausibleSlug } from "@/lib/http/search-params";
import { isSubscriber } from "./article-access";
import { readMeter, spendUnlock, type MeterSummary, type SpendResult } from "./reader-meter";

export type UnlockResult =
  | SpendResult
  | { kind: "not-found" }
  | { kind: "free-article"; meter: MeterSummary }
  | { kind: "subscriber"; meter: MeterSummary };

export async function unlockArticleBySlug(reader: Reader, slug: string, now = new Date()): Promise<UnlockResult> {
  const article = isPlausibleSlug(slug) ? await getArticleBySlug(slug) : null;
  if (!article) return { kind: "not-found" };
  if (article.free) return { kind: "free-article", meter: await readMeter(reader, now) };
  // A subscriber reads everything; spending a free article would be a loss.
  if (await isSubscriber(reader, now)) return { kind: "subscriber", meter: await readMeter(reader, now) };
  return spendUnlock(reader, article.id, now);
}
