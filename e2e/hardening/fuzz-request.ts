// What every fuzzed request must satisfy, and how a route's sample address
// gets hostile dynamic segments: shared by the fuzz specs.
import { expect } from "@playwright/test";
import { internalsIn, send, sendPastCacheBuster, type RawRequest } from "./raw-request";
import type { DiscoveredRoute } from "./route-inventory";

/** How many requests expectSane sent in this worker, and how many were answered 5xx (reported by the specs). */
export const tally = { requests: 0, serverErrors: 0 };

/**
 * Sends the request: no server error, no stack trace or internal path in the
 * answer. `pastCacheBuster`: follows Next.js's ?_rsc= redirect of an RSC
 * request, to the answer where Next.js has read the router headers.
 */
export async function expectSane(request: RawRequest, { pastCacheBuster = false } = {}): Promise<void> {
  const response = await (pastCacheBuster ? sendPastCacheBuster(request) : send(request));
  tally.requests++;
  if (response.status >= 500) tally.serverErrors++;
  const label = `${request.method} ${request.path.slice(0, 300)} (${request.headers?.["content-type"] ?? "no type"}${request.headers?.cookie ? ", signed in" : ""})`;
  expect(response.status, `${label}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
  expect(internalsIn(response.body), `${label}: internals in the body`).toBeNull();
}

/** The sample path with its dynamic segments (those of the pattern) replaced. */
export function withSegments(route: DiscoveredRoute, sample: string, segments: (string | undefined)[]): string {
  const patternParts = route.pattern.split("/");
  const parts = sample.split("?")[0]!.split("/");
  let next = 0;
  return patternParts
    .map((part, index) => (part.startsWith("[") ? (segments[next++] ?? parts[index]) : parts[index]))
    .concat(parts.slice(patternParts.length))
    .join("/");
}
