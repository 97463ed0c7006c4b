// Starts the local Stripe emulator: an HTTP server that the real `stripe`
// SDK talks to (`new Stripe(key, { host, port, protocol: "http" })`), with
// hosted Checkout and Customer Portal pages and signed webhook delivery.
// Folio's launcher and tests import this; scripts/stripe-emulator/main.ts
// is the command-line wrapper.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { billingPortalRoutes } from "./billing-portal-routes";
import { catalogueRoutes } from "./catalogue-routes";
import { checkoutSessionRoutes } from "./checkout-session-routes";
import { couponRoutes } from "./coupon-routes";
import { customerRoutes } from "./customer-routes";
import { EmulatorClock } from "./emulator-clock";
import type { EmulatorCore } from "./emulator-core";
import { emptyState } from "./emulator-state";
import { eventRoutes } from "./event-routes";
import { handleApiRequest, type ApiContext } from "./handle-api-request";
import { handlePageRequest, isPagePath } from "./handle-page-request";
import { HeldAnswers } from "./held-answers";
import { IdempotencyCache } from "./idempotency-cache";
import { invoiceRoutes } from "./invoice-routes";
import { processDueSubscriptions } from "./process-due-subscriptions";
import { promotionCodeRoutes } from "./promotion-code-routes";
import { readBody } from "./read-request";
import { seedCatalogue } from "./seed-catalogue";
import { loadState, saveState } from "./state-file";
import { subscriptionRoutes } from "./subscription-routes";
import { testControlRoutes } from "./test-control-routes";
import { WebhookSender } from "./webhook-sender";

export type StripeEmulatorOptions = {
  /** 0 (the default) picks any free port. */
  port?: number;
  host?: string;
  /** Where events are POSTed; without one they are only stored (GET /v1/events). */
  webhookUrl?: string;
  /** The endpoint secret (`whsec_...`) the app verifies signatures with. */
  webhookSecret: string;
  apiKey?: string;
  /** A JSON file that keeps the state across restarts; without one the state lives in memory only. */
  stateFile?: string;
  log?: (line: string) => void;
  /** Waits before each retry of a failed delivery; one entry per retry. */
  retryDelaysMs?: number[];
};

export type StripeEmulator = {
  url: string;
  port: number;
  stop(): Promise<void>;
  setWebhookUrl(url: string): void;
};

const routes = [
  ...customerRoutes,
  ...catalogueRoutes,
  ...couponRoutes,
  ...promotionCodeRoutes,
  ...checkoutSessionRoutes,
  ...subscriptionRoutes,
  ...invoiceRoutes,
  ...billingPortalRoutes,
  ...eventRoutes,
  ...testControlRoutes,
];

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  if (!options.webhookSecret) throw new Error("Stripe emulator: webhookSecret is required (whsec_...)");
  const log = options.log ?? (() => {});
  const host = options.host ?? "127.0.0.1";
  const state = options.stateFile ? loadState(options.stateFile) : emptyState();
  const clock = new EmulatorClock(state);
  seedCatalogue(state, clock.now());
  const persist = () => {
    if (options.stateFile) saveState(options.stateFile, state);
  };
  const webhooks = new WebhookSender({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    retryDelaysMs: options.retryDelaysMs ?? [500, 2000, 5000, 15_000],
    getEvent: (id) => state.events[id],
    onDelivered: (event) => {
      const stored = state.events[event.id];
      if (stored) stored.pending_webhooks = 0;
    },
    log,
  });
  const core: EmulatorCore = {
    state,
    clock,
    webhooks,
    idempotency: new IdempotencyCache(),
    heldAnswers: new HeldAnswers(),
    baseUrl: "",
    log,
  };
  const context: ApiContext = { core, routes, apiKey: options.apiKey ?? "sk_test_emulator" };

  async function respond(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", core.baseUrl);
    const body = method === "GET" ? "" : await readBody(request);
    // Time passes between requests, as on Stripe, so renewals come due on
    // their own; a restarted emulator also catches up here.
    const changedByTime = processDueSubscriptions(core) > 0;
    if (isPagePath(url.pathname)) {
      const page = handlePageRequest(core, method, url.pathname, body);
      if (method !== "GET" || changedByTime) persist();
      log(`${method} ${url.pathname} -> ${page.status}`);
      if ("location" in page) response.writeHead(303, { Location: page.location }).end();
      else response.writeHead(page.status, { "Content-Type": "text/html; charset=utf-8" }).end(page.html);
      return;
    }
    const result = handleApiRequest(context, {
      method,
      path: url.pathname,
      query: url.search.slice(1),
      headers: request.headers,
      body,
    });
    if (method !== "GET" || changedByTime) persist();
    // Answered from the state as it was on arrival, sent when a test lets it go.
    const held = core.heldAnswers.catch(method, url.pathname);
    if (held) await held;
    log(`${method} ${url.pathname} -> ${result.status}`);
    response.writeHead(result.status, result.headers).end(result.body);
  }

  const server = http.createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      log(`request failed: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) {
        const message = error instanceof Error ? error.message : String(error);
        response
          .writeHead(500, { "Content-Type": "application/json" })
          .end(JSON.stringify({ error: { type: "api_error", message } }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  core.baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // Renewals that came due while a persisted emulator was stopped are left
  // to the first request, which comes from the app once it is up to receive
  // their webhooks.
  persist();
  log(`Stripe emulator on ${core.baseUrl}; webhooks to ${options.webhookUrl ?? "(none)"}`);

  return {
    url: core.baseUrl,
    port,
    setWebhookUrl: (url) => webhooks.setUrl(url),
    stop: async () => {
      webhooks.stop();
      core.heldAnswers.releaseAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      persist();
    },
  };
}
