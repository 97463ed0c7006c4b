// Where a buyer goes back to: the article they subscribed from. /subscribe
// carries it as `from`, an article's slug (what the paywall panel links
// with) or a same-site path; anything else (an off-site URL, a scheme, a
// malformed slug) is dropped, and the buyer lands on /account instead.
import { safeReturnPath } from "@/lib/http/safe-return-path";
import type { SearchParamValue } from "@/lib/http/search-params";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type ReturnTarget = {
  /** The value to carry on as `from` (a slug or a path). */
  from: string;
  /** The same-site path it names. */
  path: string;
};

export function returnTarget(value: SearchParamValue): ReturnTarget | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.length > 200) return null;
  if (SLUG.test(raw)) return { from: raw, path: `/articles/${raw}` };
  const path = safeReturnPath(raw, "");
  return path ? { from: path, path } : null;
}

/** The page a buyer is sent to after paying when they came from nowhere in particular. */
export const DEFAULT_RETURN_PATH = "/account";

/** /subscribe again, keeping the article (Checkout's cancel_url and "back" links). */
export function subscribePath(target: ReturnTarget | null, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(target ? { from: target.from } : {}), ...extra }).toString();
  return query ? `/subscribe?${query}` : "/subscribe";
}
