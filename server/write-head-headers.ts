// Headers handed to writeHead itself are not yet on the response when a
// wrapper of writeHead runs: this moves them there (setHeader), so that the
// wrapper reads the final headers with getHeader/hasHeader and what it sets
// is not overridden. Used by the cache policy and the compression, which both
// decide at the last moment.
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/** The writeHead arguments without the headers, which are now on the response. */
export function moveWriteHeadHeaders(response: ServerResponse, args: unknown[]): unknown[] {
  const passed = args.findIndex((arg, index) => index > 0 && arg !== null && typeof arg === "object");
  if (passed < 0) return args;
  for (const [name, value] of headerEntries(args[passed] as OutgoingHttpHeaders | unknown[]))
    response.setHeader(name, value);
  return args.slice(0, passed);
}

function headerEntries(headers: OutgoingHttpHeaders | unknown[]): [string, string | number | readonly string[]][] {
  if (!Array.isArray(headers)) {
    return Object.entries(headers).filter(
      (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
    );
  }
  // The raw form: [name, value, name, value, ...], a name possibly repeated.
  const merged = new Map<string, string[]>();
  for (let index = 0; index + 1 < headers.length; index += 2) {
    const name = String(headers[index]);
    merged.set(name, [...(merged.get(name) ?? []), String(headers[index + 1])]);
  }
  return [...merged].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]);
}
