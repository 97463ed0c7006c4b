// What a refused save sent back in the query, to fill the form again.
import type { SearchParamValue } from "@/lib/http/search-params";
import type { TaxonomyFields } from "@/lib/newsroom/taxonomy/taxonomy-input";

const FIELDS = ["name", "slug", "role", "bio", "description"] as const;

export function typedValues(query: Record<string, SearchParamValue>): Partial<TaxonomyFields> | null {
  const values: Partial<TaxonomyFields> = {};
  for (const field of FIELDS) {
    const value = query[field];
    if (typeof value === "string") values[field] = value;
  }
  return Object.keys(values).length > 0 ? values : null;
}

export function noticeOf(query: Record<string, SearchParamValue>): string | undefined {
  return typeof query.notice === "string" ? query.notice : undefined;
}
