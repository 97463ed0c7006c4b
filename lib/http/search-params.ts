// Query parameters as readers (and bots) send them: missing, repeated, huge
// or nonsense. Each parser returns a sane value rather than throwing.
export type SearchParamValue = string | string[] | undefined;

const MAX_PAGE = 100_000;

function first(value: SearchParamValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A 1-based page number; anything that is not one means page 1. */
export function parsePage(value: SearchParamValue): number {
  const raw = first(value);
  if (raw === undefined || !/^\d{1,6}$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

/** Slugs are short; anything else cannot name an article, topic or author. */
export function isPlausibleSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 200 && !/[\s/\\\u0000-\u001f]/.test(slug);
}
