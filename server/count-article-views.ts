// Counts each article page a person is shown, rendered by Next.js or served
// from the page cache (which keeps the view the page declared,
// lib/insights/article-view.ts), once the answer has gone out whole with 200.
// Router prefetches and HEADs are not views; crawlers and scripts, told by
// their user agent (isbot's list), are counted apart; the newsroom's own
// reading is not counted. Nothing of the reader is kept: the counter holds
// a day, a kind of view and the article.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isbot } from "isbot";
import { LRUCache } from "lru-cache";
import type { InsightCounter } from "@/lib/insights/insight-counter";
import { EVENT_METRICS, VIEW_METRICS } from "@/lib/insights/insight-metrics";
import type { RequestContext } from "@/lib/observability/request-context";

// isbot's pattern takes 5 µs a test; readers' user agents are few and repeat.
const MAX_REMEMBERED_AGENT = 512;
const botAgents = new LRUCache<string, boolean>({ max: 1_000 });

function isBot(agent: string | undefined): boolean {
  if (!agent || agent.length > MAX_REMEMBERED_AGENT) return isbot(agent);
  let bot = botAgents.get(agent);
  if (bot === undefined) botAgents.set(agent, (bot = isbot(agent)));
  return bot;
}

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
    if (isBot(request.headers["user-agent"])) return counter.add(VIEW_METRICS.bot, view.articleId);
    counter.add(VIEW_METRICS[view.audience], view.articleId);
    if (view.panel) counter.add(EVENT_METRICS.panel, view.articleId);
  });
}
