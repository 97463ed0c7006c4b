// Counts each article page a person is shown, rendered by Next.js or served
// from the page cache (which keeps the view the page declared,
// lib/insights/article-view.ts), once the answer has gone out whole with 200.
// Router prefetches and HEADs are not views; crawlers and scripts, told by
// their user agent (isbot's list), are counted apart; the newsroom's own
// reading is not counted. Nothing of the reader is kept: the counter holds
// a day, a kind of view and the article.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isbot } from "isbot";
import type { InsightCounter } from "@/lib/insights/insight-counter";
import { EVENT_METRICS, VIEW_METRICS } from "@/lib/insights/insight-metrics";
import type { RequestContext } from "@/lib/observability/request-context";

export function countArticleViewsWhenDone(
  request: IncomingMessage,
  response: ServerResponse,
  context: RequestContext,
  counter: InsightCounter,
): void {
  if (request.method !== "GET" || request.headers["next-router-prefetch"] !== undefined) return;
  response.once("finish", () => {
    const view = context.articleView;
    if (!view || response.statusCode !== 200 || view.audience === "newsroom") return;
    if (isbot(request.headers["user-agent"])) return counter.add(VIEW_METRICS.bot, view.articleId);
    counter.add(VIEW_METRICS[view.audience], view.articleId);
    if (view.panel) counter.add(EVENT_METRICS.panel, view.articleId);
  });
}
