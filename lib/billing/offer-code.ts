// The `offer` of an offer link, /subscribe?offer=CODE, checked before Stripe
// is asked anything: a promotion code is letters, digits and dashes, at most
// 500 of them (Stripe's own rule), so anything else, a code of 10,000
// characters say, is refused here with a sentence and costs no Stripe call.
import type { SearchParamValue } from "@/lib/http/search-params";

const OFFER_CODE = /^[A-Za-z0-9-]{1,500}$/;

/** The code to look up, "malformed" for one that cannot be a code, null when the link has none. */
export function offerCodeFrom(value: SearchParamValue): string | "malformed" | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === "") return null;
  return OFFER_CODE.test(raw) ? raw : "malformed";
}

/** For sentences on the page: a long code is shortened, never echoed whole. */
export function shownCode(code: string): string {
  return code.length > 40 ? `${code.slice(0, 37)}…` : code;
}
