// POST /api/articles/{slug}/unlock for a signed-in reader, answered by the
// web server itself: the session read (lib/auth/session-reader.ts), then the
// same unlockArticleBySlug and the same JSON answer as the route
// (app/api/articles/[slug]/unlock/route.ts), without Next.js's routing and
// Auth.js around two queries. Whatever is not that goes on to the route,
// which answers it as before: a request from another site (403), no
// session, one Auth.js would extend now or that ended (401 or a redirect for
// a form), a cookie named twice, a database that cannot be reached.
import type { IncomingMessage, ServerResponse } from "node:http";
import { unlockAnswer, unlockArticleBySlug } from "@/lib/access/unlock-article";
import { readerOfSession } from "@/lib/auth/session-reader";
import { PRIVATE } from "@/lib/http/cache-policy";
import { FIXED_SECURITY_HEADERS, frameOptions } from "@/lib/http/security-headers";
import { fromAnotherSite } from "./refuse-cross-site-action";
import { sessionCookieOf } from "./session-cookie";

const UNLOCK_PATH = /^\/api\/articles\/([^/?]+)\/unlock(?:\?|$)/;

/** Answers the unlock and returns true, or returns false and leaves the request to Next.js. */
export async function answerUnlock(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const encoded = request.method === "POST" ? UNLOCK_PATH.exec(request.url ?? "")?.[1] : undefined;
  if (encoded === undefined || fromAnotherSite(request)) return false;
  const session = sessionCookieOf(request);
  let slug: string;
  try {
    slug = decodeURIComponent(encoded);
  } catch {
    return false;
  }
  // A failure (PostgreSQL away) goes on to the route too, which answers 503;
  // a spend is one transaction, so trying again there spends at most once.
  const result = await (async () => {
    const reader = session && (await readerOfSession(session.token));
    return reader ? unlockArticleBySlug(reader, slug) : null;
  })().catch(() => null);
  if (!result) return false;
  const { status, body } = unlockAnswer(result);
  const json = JSON.stringify(body);
  response.statusCode = status;
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader("X-Frame-Options", frameOptions("none"));
  response.setHeader("Cache-Control", PRIVATE);
  response.setHeader("Content-Type", "application/json");
  response.setHeader("Content-Length", Buffer.byteLength(json));
  response.end(json);
  return true;
}
