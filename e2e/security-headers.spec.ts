// The security headers and the Content-Security-Policy as a browser meets
// them: each page loads without a single CSP violation (its scripts carry
// the request's nonce, and they run), a script slipped into the page without
// the nonce is blocked, and the headers are there on pages, routes and files.
import { expect, test, type Page } from "@playwright/test";
import { gatedArticle } from "./fixtures";
import { startSession } from "./sessions";

// Reader pages are sent without Next.js's scripts (lib/http/page-without-scripts.ts);
// on those, the stylesheet is what the nonce must let in.
const PAGES: { path: string; scripts: boolean }[] = [
  { path: "/", scripts: false },
  { path: `/articles/${gatedArticle.slug}`, scripts: false },
  { path: "/archive", scripts: false },
  { path: "/search?q=brindlewick", scripts: true },
  { path: "/signin", scripts: true },
  { path: "/subscribe", scripts: true },
  { path: "/topics/e2e-energy", scripts: false },
  { path: "/no-such-page", scripts: true },
];

declare global {
  interface Window {
    folioViolations?: string[];
    folioInjected?: string[];
  }
}

/** Records CSP violations the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.folioViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.folioViolations!.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return console;
}

/** The page's scripts ran (the App Router's runtime is up), or it has none and its stylesheet applies. */
async function expectLoaded(page: Page, scripts: boolean): Promise<void> {
  if (scripts) {
    await page.waitForFunction(
      () => typeof (window as unknown as { next?: { version?: string } }).next?.version === "string",
    );
    return;
  }
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
  await expect
    .poll(() => page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0).length))
    .toBeGreaterThan(0);
}

for (const { path, scripts } of PAGES) {
  test(`${path} loads without a CSP violation, ${scripts ? "its scripts running" : "styled, with no script"}`, async ({
    page,
  }) => {
    const consoleViolations = await watchViolations(page);
    const response = await page.goto(path);
    expect(response).not.toBeNull();
    await expectLoaded(page, scripts);
    expect(await page.evaluate(() => window.folioViolations)).toEqual([]);
    expect(consoleViolations).toEqual([]);
  });
}

test("the account page of a signed-in reader loads without a CSP violation", async ({ page, context }) => {
  await startSession(context, `csp-${Date.now()}@example.org`);
  const consoleViolations = await watchViolations(page);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectLoaded(page, false);
  expect(await page.evaluate(() => window.folioViolations)).toEqual([]);
  expect(consoleViolations).toEqual([]);
});

test("a script injected into the page without the nonce does not run", async ({ page }) => {
  await watchViolations(page);
  // A stored-XSS stand-in: the page's HTML as served, with markup added that
  // an attacker would like to run. The response keeps its CSP header. (The
  // article page has no scripts of its own: e2e/without-javascript.spec.ts.)
  await page.route(`**/articles/${gatedArticle.slug}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</main>",
      `<script>(window.folioInjected ||= []).push("inline")</script>` +
        `<script src="data:text/javascript,(window.folioInjected ||= []).push('data-url')"></script>` +
        `<img src="/no-such-image" onerror="(window.folioInjected ||= []).push('handler')"></main>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto(`/articles/${gatedArticle.slug}`, { waitUntil: "load" });
  await expect.poll(() => page.evaluate(() => window.folioViolations!.length)).toBeGreaterThanOrEqual(3);
  expect(await page.evaluate(() => window.folioInjected ?? [])).toEqual([]);
  const violations = (await page.evaluate(() => window.folioViolations!)).join("\n");
  expect(violations).toMatch(/script-src/);
});

test("the headers: a nonce per request, no unsafe-inline script, no framing, no sniffing, no HSTS over http", async ({
  request,
}) => {
  // The search page keeps Next.js's scripts (reader pages have none).
  const first = await request.get("/search?q=brindlewick");
  const second = await request.get("/search?q=brindlewick");
  const policy = first.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  // Every script in the document carries this response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src"))!;
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  const headers = first.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f]{16}$/);
  // Plain http: no HSTS, even when the client claims https itself.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const claimed = await request.get("/", { headers: { "X-Forwarded-Proto": "https" } });
  expect(claimed.headers()["strict-transport-security"]).toBeUndefined();
});

test("route handlers, feeds and static files carry the headers too", async ({ request }) => {
  for (const path of ["/api/health", "/api/me", "/feed.xml", "/robots.txt", "/api/search?q=x"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  const html = await (await request.get("/search?q=brindlewick")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  expect((await request.get(asset!)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("Auth.js cookies over plain http: HttpOnly, SameSite=Lax, and not prefixed or Secure even when the client claims https", async ({
  playwright,
  baseURL,
}) => {
  for (const headers of [{}, { "X-Forwarded-Proto": "https" }] as Record<string, string>[]) {
    // A fresh client each time: Auth.js sets the CSRF cookie only when it is missing.
    const request = await playwright.request.newContext({ baseURL });
    const response = await request.get("/api/auth/csrf", { headers });
    const cookies = response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value);
    const csrf = cookies.find((cookie) => cookie.startsWith("authjs.csrf-token="));
    expect(csrf, cookies.join("\n")).toBeDefined();
    expect(csrf).toMatch(/;\s*HttpOnly/i);
    expect(csrf).toMatch(/;\s*SameSite=Lax/i);
    expect(csrf).toMatch(/;\s*Path=\//i);
    expect(csrf).not.toMatch(/;\s*Secure/i);
    await request.dispose();
  }
});
