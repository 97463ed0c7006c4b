// What a reader (or a script) asks the search for, read from query
// parameters. Parsing never throws: a bad parameter becomes a problem that
// names it, which the API answers with 400 and the page shows as a message.
import { z } from "zod";

export const MAX_QUERY_LENGTH = 256;
export const MAX_PAGE = 1000;
export const SEARCH_PAGE_SIZE = 20;

export type SearchSort = "relevance" | "date";
export type SearchKind = "daily" | "in_depth";

export type SearchRequest = {
  /** Trimmed, whitespace collapsed; "" when the reader asked for nothing. */
  query: string;
  topic?: string;
  region?: string;
  author?: string;
  kind?: SearchKind;
  /** Calendar days (YYYY-MM-DD) in the publication's time zone, both inclusive. */
  from?: string;
  to?: string;
  sort: SearchSort;
  page: number;
};

export type SearchProblem = { field: string; message: string };
export type ParsedSearchRequest = { ok: true; request: SearchRequest } | { ok: false; problem: SearchProblem };

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

// A parameter sent twice counts once (the first), as elsewhere on the site;
// an empty one (a form's untouched select) counts as absent.
function read(params: RawParams, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === "" ? undefined : first.trim();
}

/** Control characters (NUL among them, which PostgreSQL refuses in text) read as spaces. */
export function normalizeQuery(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, " ").trim();
}

// Messages are sentences a reader can act on: the page shows them as they
// are, and the API's answer names the parameter in its own `field`.
const slug = (what: string) =>
  z
    .string()
    .max(100, `The ${what} is too long to be a ${what}'s name.`)
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      `The ${what} must be written as in the address of its page: lowercase letters, digits and hyphens.`,
    );

const isoDay = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `The ${what} must be a date written year-month-day, such as 2026-03-01.`)
    .refine((day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
    }, `The ${what} is not a real calendar date.`);

const PAGE_RANGE = `The page must be a whole number from 1 to ${MAX_PAGE}.`;

const schema = z
  .object({
    q: z
      .string()
      .transform(normalizeQuery)
      .pipe(z.string().max(MAX_QUERY_LENGTH, `Search terms can be at most ${MAX_QUERY_LENGTH} characters long.`))
      .default(""),
    topic: slug("topic").optional(),
    region: slug("region").optional(),
    author: slug("author").optional(),
    kind: z
      .enum(["daily", "in_depth"], { error: "The kind must be daily (Daily Analysis) or in_depth (In-Depth)." })
      .optional(),
    from: isoDay("start date").optional(),
    to: isoDay("end date").optional(),
    sort: z
      .enum(["relevance", "date"], { error: "The order must be relevance or date (newest first)." })
      .default("relevance"),
    page: z
      .string()
      .regex(/^\d{1,7}$/, PAGE_RANGE)
      .transform(Number)
      .pipe(z.number().min(1, PAGE_RANGE).max(MAX_PAGE, PAGE_RANGE))
      .default(1),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ["from"],
    message: "The start date must be before the end date.",
  });

const FIELDS = ["q", "topic", "region", "author", "kind", "from", "to", "sort", "page"] as const;

export function parseSearchRequest(params: RawParams): ParsedSearchRequest {
  // The query keeps its own emptiness check: a blank q is a valid, empty request.
  const raw = Object.fromEntries(
    FIELDS.map((field) => [field, field === "q" ? readQuery(params) : read(params, field)]),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: { field: String(issue.path[0] ?? "q"), message: issue.message } };
  }
  const { q, ...rest } = parsed.data;
  const request: SearchRequest = { query: q, sort: rest.sort, page: rest.page };
  for (const key of ["topic", "region", "author", "kind", "from", "to"] as const) {
    if (rest[key] !== undefined) Object.assign(request, { [key]: rest[key] });
  }
  return { ok: true, request };
}

function readQuery(params: RawParams): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get("q") ?? undefined) : params.q;
  return Array.isArray(value) ? value[0] : value;
}

/** The request's parameters as a URL query string (for links: pagination, sort, filters). */
export function searchQueryString(request: SearchRequest, changes: Partial<SearchRequest> = {}): string {
  const merged = { ...request, ...changes };
  const params = new URLSearchParams();
  params.set("q", merged.query);
  for (const key of ["topic", "region", "author", "kind", "from", "to"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.sort !== "relevance") params.set("sort", merged.sort);
  if (merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}
