// The reader's JSON API as the site's own pages call it: same-origin, with
// the Origin header a browser sends on a POST. Pass `page.request` (or a
// context's request) so the context's session cookie goes along.
import { test, type APIRequestContext, type APIResponse } from "@playwright/test";

export type Me =
  | { signedIn: false }
  | {
      signedIn: true;
      email: string;
      plan: string;
      /** Complimentary All-Access from the publisher, while it runs. */
      compUntil: string | null;
      freeArticles: { used: number; limit: number; remaining: number; resetsAt: string };
    };

/** The site's origin, as a browser would send it in an Origin header. */
export function origin(): string {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  return new URL(baseURL).origin;
}

/** POST /api/articles/{slug}/unlock; `headers` replace or add to the browser-like ones. */
export function unlock(
  request: APIRequestContext,
  slug: string,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return request.post(`/api/articles/${slug}/unlock`, { headers: { Origin: origin(), ...headers } });
}

export async function me(request: APIRequestContext): Promise<Me> {
  const response = await request.get("/api/me");
  if (!response.ok()) throw new Error(`GET /api/me answered ${response.status()}`);
  return (await response.json()) as Me;
}
