// Where to send a reader back to after signing in or subscribing. Only paths
// on this site are accepted, so a crafted link cannot bounce readers to
// another origin ("//evil.example", "/\\evil.example", "https://...").
import type { SearchParamValue } from "./search-params";

export function safeReturnPath(value: SearchParamValue, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.length > 500) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  return raw;
}
