// Next.js calls onRequestError for every error a page, route handler or
// server action throws. A failure to reach PostgreSQL marks the request so
// that the web server (server/main.ts) answers 503 "try again" rather than
// 500; every error is logged as one JSON line with the request id.
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isDatabaseUnavailable }, { currentRequestContext }, { describeError, log }] = await Promise.all([
    import("./lib/db/database-unavailable"),
    import("./lib/observability/request-context"),
    import("./lib/observability/log"),
  ]);
  const unavailable = isDatabaseUnavailable(error);
  const current = currentRequestContext();
  if (current && unavailable) current.databaseUnavailable = true;
  log("error", unavailable ? "database-unavailable" : "request-failed", {
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    kind: context.routeType,
    ...describeError(error),
  });
};
