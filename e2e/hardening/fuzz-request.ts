// What every fuzzed request must satisfy, and how a route's sample address
// gets hostile dynamic segments: shared by the fuzz specs.
import { expect } from "@playwright/test";
import { internalsIn, send, type RawRequest } from "./raw-request";
import type { DiscoveredRoute } from "./route-inventory";

/** Sends the request: no server error, no stack trace or internal path in the answer. */
export async function expectSane(request: RawRequest): Promise<void> {
  const response = await send(request);
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
