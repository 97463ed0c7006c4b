// The production web server: Next.js behind a plain Node HTTP server, so that
// the client address the app sees can be trusted. `next start` keeps an
// X-Forwarded-For header the client sent itself, which would let anyone pick
// their own address and slip past the per-IP sign-in limit. Here the header
// is replaced with the socket's address, unless TRUST_PROXY says Folio runs
// behind that many proxies that append to it (trusted-headers.ts). Each
// request gets an id and a context (lib/observability/request-context.ts)
// that the JSON logs and the 503 answer for database outages read. Every
// response gets the site's Cache-Control policy (apply-cache-policy.ts) and is
// compressed when worth it (compress-response.ts), and
// the anonymous pages that policy makes public are kept whole in memory
// (page-cache.ts) while the cache invalidation listener vouches for them,
// and so are signed-in readers' article pages, one per reader variant
// (reader-pages.ts), except for a client address in an organisation's IP
// range (lib/organisations/address-organisations.ts); a signed-in reader's unlock is answered here too
// (unlock-requests.ts). Reader pages that need no client code go out
// without Next.js's scripts (remove-page-scripts.ts). Article views, served
// either way, are counted in memory for the insights (count-article-views.ts).
// The same process runs the background jobs (JOBS=off leaves them to other
// servers).
//
// Built with the app into dist/server/main.mjs (scripts/build-server.ts) and
// run with plain Node from the project folder: `node dist/server/main.mjs`.
import { createServer } from "node:http";
import next from "next";
import { startInvalidationListener } from "@/lib/cache/invalidation-listener";
import { insightCounter } from "@/lib/insights/insight-counter";
import { parseEnv } from "@/lib/config/env";
import { log } from "@/lib/observability/log";
import { admitsAddress } from "@/lib/organisations/address-organisations";
import { requestContextStorage, type RequestContext } from "@/lib/observability/request-context";
import { startWorkers } from "@/lib/workers/start-workers";
import { applyCachePolicy } from "./apply-cache-policy";
import { answerClientErrors } from "./client-error-answer";
import { compressResponse } from "./compress-response";
import { countArticleViewsWhenDone } from "./count-article-views";
import { pageCache } from "./page-cache";
import { readerPage } from "./reader-pages";
import { answerNotFoundWhenAsked } from "./not-found-status";
import { removeScriptsWhenAsked } from "./remove-page-scripts";
import { answerUnlock } from "./unlock-requests";
import { logConsoleAsJson, logRequest, teeOutputTo } from "./request-logging";
import { applyTrustedHeaders } from "./trusted-headers";
import { answerImportUpload, isImportUpload } from "./import-upload";
import { refuseOversizedBody } from "./refuse-oversized-body";
import { refuseRequestShape } from "./refuse-request-shape";
import { answerUnavailableAs503 } from "./unavailable-answer";

const settings = parseEnv(process.env);
if (process.env.FOLIO_LOG_FILE) teeOutputTo(process.env.FOLIO_LOG_FILE);
logConsoleAsJson();

// Heard before the first request, so that what this server caches is told of
// every change from the start; until it has caught up nothing is cached.
const listener = settings.DATABASE_URL
  ? startInvalidationListener({
      databaseUrl: settings.DATABASE_URL,
      mode: settings.FOLIO_DATABASE_KIND === "embedded" ? "poll" : "notify",
      log: (event, fields) => log(event === "cache-listener-lost" ? "warn" : "info", event, fields),
    })
  : null;

const app = next({ dev: false, dir: process.cwd(), port: settings.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const contexts = requestContextStorage();
// The largest image upload and its form: what Next.js is told to buffer (next.config.js).
const maxBodyBytes = (settings.MEDIA_MAX_MB + 1) * 1_048_576;
const pages = pageCache({
  maxBytes: settings.FOLIO_PAGE_CACHE_MAX_MB * 1024 * 1024,
  readerPages: settings.DATABASE_URL ? readerPage : undefined,
  // A client whose address an organisation admits reads whole articles that
  // nobody else may be given: its pages skip both caches. The address is the
  // one applyTrustedHeaders left in X-Forwarded-For, as TRUST_PROXY says.
  privateRequests: settings.DATABASE_URL
    ? (request) => admitsAddress(request.headers["x-forwarded-for"]?.toString())
    : undefined,
});
const views = settings.DATABASE_URL
  ? insightCounter({
      timeZone: settings.PUBLICATION_TIMEZONE,
      onError: (error, kept) =>
        log("warn", "insights-flush-failed", { kept, message: error instanceof Error ? error.message : String(error) }),
    })
  : null;
views?.start(settings.FOLIO_INSIGHTS_FLUSH_SECONDS * 1000);
const server = createServer((request, response) => {
  const requestId = applyTrustedHeaders(request, settings.TRUST_PROXY);
  response.setHeader("X-Request-Id", requestId);
  const context: RequestContext = { requestId, databaseUnavailable: false };
  logRequest(request, response, requestId);
  compressResponse(request, response);
  // Before the 503 answer, which wraps it: a 503 is private too.
  applyCachePolicy(request, response, context);
  answerUnavailableAs503(request, response, context);
  // Export files for /admin/import stream to disk here, past the image-sized
  // limit below and Next.js's body buffer (server/import-upload.ts).
  if (isImportUpload(request)) {
    contexts.run(context, () => void answerImportUpload(request, response));
    return;
  }
  if (refuseOversizedBody(request, response, maxBodyBytes) || refuseRequestShape(request, response)) return;
  if (views) countArticleViewsWhenDone(request, response, context, views);
  const render = () => {
    // Outermost, so that the page cache keeps the page as sent.
    removeScriptsWhenAsked(response, context);
    // Before the cache policy and the page cache read the status.
    answerNotFoundWhenAsked(response, context);
    contexts.run(context, () => void handle(request, response));
  };
  answerUnlock(request, response)
    .then((answered) => (answered ? undefined : pages.handle(request, response, render, context)))
    .catch((error: unknown) => {
      log("error", "page-cache", { requestId, message: error instanceof Error ? error.message : String(error) });
      response.destroy();
    });
}).listen(settings.PORT, () => {
  log("info", "server-ready", { port: settings.PORT });
});
answerClientErrors(server);
// Idle keep-alive connections are closed after 65 s, not Node's 5 s: a
// client (a load balancer, a test's request context) that sends on one just
// as the server closes it gets a reset instead of an answer, and keeping
// them longer than the proxies in front (60 s is common) avoids the race.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

const jobs =
  settings.JOBS === "on" && settings.DATABASE_URL
    ? await startWorkers((line) => log("info", "jobs", { message: line }))
    : null;

async function shutdown(): Promise<void> {
  server.close();
  // What this server counted since its last flush.
  await views?.stop().catch(() => {});
  await jobs?.stop().catch(() => {});
  await listener?.stop();
  process.exit(0);
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
