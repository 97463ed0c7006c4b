// Answers 404 for a page that drew the not-found page itself
// (components/site/page-not-found.tsx): Next.js renders it as a page, with
// 200. Installed before the cache policy sees the status, so the answer is
// private, and the page cache keeps only 200s.
import { STATUS_CODES, type ServerResponse } from "node:http";
import type { RequestContext } from "@/lib/observability/request-context";

export function answerNotFoundWhenAsked(response: ServerResponse, context: RequestContext): void {
  const writeHead = response.writeHead as (...args: unknown[]) => ServerResponse;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const status = typeof args[0] === "number" ? args[0] : response.statusCode;
    if (context.notFound && status === 200) {
      // A reason phrase given for the 200 would not be the 404's.
      const rest = args.slice(typeof args[1] === "string" ? 2 : 1);
      return writeHead.call(this, 404, STATUS_CODES[404], ...rest);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
