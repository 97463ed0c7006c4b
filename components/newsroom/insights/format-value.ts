// The one place the insights format a number, so that a chart's axis, its
// table and the page's own tables say the same value the same way. Numbers
// are en-US (1,234.5), like the prices in lib/billing/plans.ts.
//
// - count: a whole number with thousands separators.
// - money: minor units (as Stripe and the roll-up keep them) in a currency,
//   shown in major units with the currency's own decimals (USD 2, JPY 0).
// - percent: a fraction (0.382), shown with one decimal ("38.2%").
// - text: the value as it is.
//
// The axis variant is shorter where a tick has little room: no ".0" or
// ".00" on round ticks, and "12.5K" from ten thousand up.

export type ValueFormat = "count" | "money" | "percent" | "text";

export type FormatOptions = {
  /** ISO 4217 code for money ("usd" or "USD"). */
  currency?: string;
  /** A tick on a chart's axis. */
  axis?: boolean;
};

/** Shown for a value that is missing or cannot be computed (a rate of nothing). */
export const NO_VALUE = "—";

const COMPACT_FROM = 10_000;

// Building an Intl.NumberFormat costs far more than using one, and a year of
// daily buckets formats a thousand values: one formatter per set of options.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let cached = formatters.get(key);
  if (!cached) {
    // "negative": a value that rounds to zero is "0", never "-0".
    cached = new Intl.NumberFormat("en-US", { signDisplay: "negative", ...options });
    formatters.set(key, cached);
  }
  return cached;
}

/** How many minor units make one major unit of a currency (100 for USD, 1 for JPY). */
export function minorUnitsPerMajor(currency: string): number {
  const digits = formatter({ style: "currency", currency: currency.toUpperCase() }).resolvedOptions()
    .maximumFractionDigits;
  return 10 ** (digits ?? 2);
}

function formatMoney(minor: number, currency: string | undefined, axis: boolean): string {
  // Without a currency there is no symbol to show and no way to know the
  // decimals; the value still reads as an amount with two.
  if (!currency) return formatter({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
  const code = currency.toUpperCase();
  const major = minor / minorUnitsPerMajor(code);
  if (!axis) return formatter({ style: "currency", currency: code }).format(major);
  if (Math.abs(major) >= COMPACT_FROM) {
    return formatter({
      style: "currency",
      currency: code,
      notation: "compact",
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(major);
  }
  const whole = Number.isInteger(major);
  return formatter({
    style: "currency",
    currency: code,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(major);
}

export function formatValue(
  value: string | number | null | undefined,
  format: ValueFormat = "count",
  { currency, axis = false }: FormatOptions = {},
): string {
  if (value === null || value === undefined) return NO_VALUE;
  if (typeof value === "string" || format === "text") return String(value);
  if (!Number.isFinite(value)) return NO_VALUE;
  switch (format) {
    case "money":
      return formatMoney(value, currency, axis);
    case "percent":
      return formatter({ style: "percent", minimumFractionDigits: axis ? 0 : 1, maximumFractionDigits: 1 }).format(
        value,
      );
    case "count":
      if (axis && Math.abs(value) >= COMPACT_FROM) {
        return formatter({ notation: "compact", maximumFractionDigits: 1 }).format(value);
      }
      return formatter({ maximumFractionDigits: 0 }).format(value);
  }
}
