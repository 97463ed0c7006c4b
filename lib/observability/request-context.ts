// What the web server knows about the request being handled, reachable from
// any code that runs for it (the logger, the error hook) without passing it
// along. server/main.ts opens the context; Next.js bundles the app's code
// separately from the server's, so the store lives on globalThis under a
// registered symbol: both copies of this module find the same one.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

/** An article page's view, as the page declares it for the insights counter (lib/insights/article-view.ts). */
export type ArticleView = {
  articleId: string;
  /** Who it was rendered for, as a kind, never a person. The newsroom's own views are not counted. */
  audience: "anonymous" | "reader" | "subscriber" | "newsroom";
  panel: boolean;
};

export type RequestContext = {
  requestId: string;
  /** Set when the request failed because PostgreSQL could not be reached. */
  databaseUnavailable: boolean;
  /**
   * The reader variant of the page rendered for this request, as the page
   * declares it (lib/access/article-page-variant.ts), for the page cache.
   */
  pageVariant?: string;
  /** The page asked to be sent without Next.js's scripts (lib/http/page-without-scripts.ts). */
  withoutScripts?: boolean;
  /** The page drew the not-found page itself and is answered 404 (components/site/page-not-found.tsx). */
  notFound?: boolean;
  /** The article page's view, for the insights counter (server/count-article-views.ts). */
  articleView?: ArticleView;
  /**
   * The page was made for this browser alone, whatever its cookies: a gift
   * link's page, or a page for an organisation's address (lib/http/private-page.ts).
   */
  privatePage?: boolean;
};

const STORE = Symbol.for("folio.request-context");
const holder = globalThis as { [STORE]?: AsyncLocalStorage<RequestContext> };

export function requestContextStorage(): AsyncLocalStorage<RequestContext> {
  holder[STORE] ??= new AsyncLocalStorage<RequestContext>();
  return holder[STORE];
}

export function currentRequestContext(): RequestContext | undefined {
  return requestContextStorage().getStore();
}

// 16 hex characters: unique enough to trace a request, short enough that the
// logger's token redaction (32+ characters) never mistakes it for a secret.
export function newRequestId(): string {
  return randomBytes(8).toString("hex");
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** A request id from a trusted proxy, when it looks like one. */
export function acceptRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && REQUEST_ID.test(value) ? value : undefined;
}
