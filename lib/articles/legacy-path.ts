// The addresses imported articles had at their source, as legacy_paths keeps
// them and the catch-all route looks them up: decoded, without the trailing
// slash, lower-case where the source's links are case-blind (WordPress,
// Ghost and Substack all lower-case their slugs). Pure: the importer and the
// route use the same rule, so "/Über-Uns/", "/%C3%BCber-uns" and "/über-uns"
// are one address.

const MAX_PATH = 1_000;

/** `path` (or a whole URL) as stored, or null when it is no article address (the home page, too long, not a path). */
export function normalizeLegacyPath(path: string): string | null {
  let value = path.trim();
  if (/^https?:\/\//i.test(value)) {
    try {
      value = new URL(value).pathname;
    } catch {
      return null;
    }
  }
  if (!value.startsWith("/") || value.length > MAX_PATH) return null;
  value = value.split(/[?#]/, 1)[0]!;
  // Decoded until it no longer changes (at most twice): the framework hands
  // some routes' segments decoded and others not, and an export may hold an
  // address encoded either way. A stray % is kept as it is.
  for (let round = 0; round < 2 && value.includes("%"); round++) {
    try {
      const decoded = decodeURIComponent(value);
      if (decoded === value) break;
      value = decoded;
    } catch {
      break;
    }
  }
  // No address has control characters, and PostgreSQL refuses a NUL in text.
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  value = value.normalize("NFC").toLowerCase().replace(/\/+/g, "/").replace(/\/$/, "");
  return value === "" ? null : value;
}
