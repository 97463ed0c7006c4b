// Next.js reads the Next-Router-State-Tree header (the client router's idea
// of the page it shows) on RSC requests and server-action calls, and answers
// a 500 when it cannot parse it ("The router state header was sent but could
// not be parsed"). A browser only ever sends what Next.js's own router wrote,
// so a header that Next.js would refuse is answered 400 here, before Next.js
// sees it. The shape is Next.js 16's flightRouterStateSchema
// (next/dist/server/app-render/types.js); refuse-malformed-router-state.test.ts
// runs Next.js's own parser beside this one, so an upgrade that changes the
// shape fails a test rather than every client-side navigation.
import type { IncomingHttpHeaders } from "node:http";

// Next.js refuses a longer header itself (about 2,000 segments).
const MAX_LENGTH = 40_000;
// Next.js's validator recurses per level and fails with a stack overflow on a
// deep enough tree; no route of Folio nests a tenth of this deep.
const MAX_DEPTH = 64;
const PARAM_TYPES = new Set([
  "c",
  "ci(..)(..)",
  "ci(.)",
  "ci(..)",
  "ci(...)",
  "oc",
  "d",
  "di(..)(..)",
  "di(.)",
  "di(..)",
  "di(...)",
]);
const REFRESH_MARKERS = new Set(["refetch", "inside-shared-layout", "metadata-only"]);

const isString = (value: unknown): value is string => typeof value === "string";
const optional = (value: unknown, test: (present: unknown) => boolean) =>
  value === undefined || value === null || test(value);

// A segment: "name", or [param name, cache key, param type, static siblings or null].
function isSegment(value: unknown): boolean {
  if (isString(value)) return true;
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [name, key, type, siblings] = value as unknown[];
  return (
    isString(name) &&
    isString(key) &&
    isString(type) &&
    PARAM_TYPES.has(type) &&
    (siblings === null || (Array.isArray(siblings) && siblings.every(isString)))
  );
}

// [segment, children by slot, [url, ...] or null, refresh marker, root-layout flag, string].
function isState(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || !Array.isArray(value) || value.length < 2 || value.length > 6) return false;
  const [segment, children, url, refresh, rootLayout, extra] = value as unknown[];
  if (!isSegment(segment) || typeof children !== "object" || children === null) return false;
  if (!optional(url, (present) => Array.isArray(present) && present.length === 2 && present.every(isString)))
    return false;
  if (!optional(refresh, (present) => isString(present) && REFRESH_MARKERS.has(present))) return false;
  if (!optional(rootLayout, (present) => typeof present === "number" && !Number.isNaN(present))) return false;
  // The last element may be absent but not null.
  if (value.length === 6 && !isString(extra)) return false;
  return Object.values(children).every((child) => isState(child, depth + 1));
}

/** True when Next.js can read the header's value (or there is none). */
export function isReadableRouterState(header: string | string[] | undefined): boolean {
  if (header === undefined) return true;
  if (Array.isArray(header) || header.length > MAX_LENGTH) return false;
  try {
    return isState(JSON.parse(decodeURIComponent(header)), 0);
  } catch {
    return false;
  }
}

/** A 400's message when the request's router state header is malformed, else null. */
export function malformedRouterState(headers: IncomingHttpHeaders): string | null {
  return isReadableRouterState(headers["next-router-state-tree"])
    ? null
    : "Bad request: the Next-Router-State-Tree header could not be read.";
}
