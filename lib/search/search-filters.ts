// The filters of a search request as the SQL needs them: slugs looked up as
// ids, calendar days as instants in the publication's time zone.
import { addDays, startOfDay } from "@/lib/calendar/calendar-day";
import { getAuthor, getTag } from "@/lib/articles/taxonomy-queries";
import { env } from "@/lib/config/env";
import type { SearchKind, SearchProblem, SearchRequest } from "./search-request";

export type SearchFilters = {
  topicId?: string;
  regionId?: string;
  authorId?: string;
  kind?: SearchKind;
  /** Published at or after. */
  from?: Date;
  /** Published before (the day after the last day asked for). */
  before?: Date;
};

export type ResolvedFilters = { ok: true; filters: SearchFilters } | { ok: false; problem: SearchProblem };

export async function resolveSearchFilters(request: SearchRequest): Promise<ResolvedFilters> {
  const [topic, region, author] = await Promise.all([
    request.topic ? getTag("topic", request.topic) : undefined,
    request.region ? getTag("region", request.region) : undefined,
    request.author ? getAuthor(request.author) : undefined,
  ]);
  if (topic === null)
    return { ok: false, problem: { field: "topic", message: `There is no topic "${request.topic}".` } };
  if (region === null)
    return { ok: false, problem: { field: "region", message: `There is no region "${request.region}".` } };
  if (author === null)
    return { ok: false, problem: { field: "author", message: `There is no author "${request.author}".` } };
  const filters: SearchFilters = {};
  if (topic) filters.topicId = topic.id;
  if (region) filters.regionId = region.id;
  if (author) filters.authorId = author.id;
  if (request.kind) filters.kind = request.kind;
  if (request.from) filters.from = startOfDay(request.from, env().PUBLICATION_TIMEZONE);
  if (request.to) filters.before = startOfDay(addDays(request.to, 1), env().PUBLICATION_TIMEZONE);
  return { ok: true, filters };
}
