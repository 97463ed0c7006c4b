// Folio behind a TLS-terminating proxy (TRUST_PROXY=1, the proxy says
// X-Forwarded-Proto: https): HSTS is sent, mixed content is upgraded, and
// the session cookie a sign-in sets is __Host- prefixed, Secure, HttpOnly,
// SameSite=Lax, without a Domain. A server of its own on the run's database.
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sql } from "../database";
import { startAppServer, type AppServer } from "./app-server";
import { spareWebPort } from "./spare-ports";

let server: AppServer;
const HTTPS = { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7" };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startAppServer("https-deployment", spareWebPort(1), { TRUST_PROXY: "1", JOBS: "off" });
});

test.afterAll(async () => {
  await server?.stop();
});

function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

test("over https (from a trusted proxy): HSTS and upgrade-insecure-requests; over http neither", async () => {
  const secure = await fetch(`${server.url}/`, { headers: HTTPS });
  expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  const plain = await fetch(`${server.url}/`);
  expect(plain.headers.get("strict-transport-security")).toBeNull();
  expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
});

test("over https the CSRF cookie is __Host- prefixed and Secure", async () => {
  const response = await fetch(`${server.url}/api/auth/csrf`, { headers: HTTPS });
  const csrf = setCookies(response).find((cookie) => cookie.startsWith("__Host-authjs.csrf-token="));
  expect(csrf, setCookies(response).join("\n")).toBeDefined();
  expect(csrf).toMatch(/;\s*Secure/i);
  expect(csrf).toMatch(/;\s*HttpOnly/i);
  expect(csrf).toMatch(/;\s*SameSite=Lax/i);
  expect(csrf).not.toMatch(/;\s*Domain=/i);
});

test("a sign-in over https sets a __Host- session cookie: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain", async () => {
  const email = `https-${randomBytes(6).toString("hex")}@hardening.example`;
  const token = randomBytes(32).toString("hex");
  // Auth.js keeps only a hash of the emailed token.
  const hashed = createHash("sha256").update(`${token}${process.env.AUTH_SECRET}`).digest("hex");
  await sql(
    "INSERT INTO verification_tokens (identifier, token, expires) VALUES ($1, $2, now() + interval '5 minutes')",
    [email, hashed],
  );
  // The confirmation page's button: Folio's own route (Auth.js's callback is closed to the public).
  const response = await fetch(`${server.url}/api/signin/confirm`, {
    method: "POST",
    headers: { ...HTTPS, "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ token, email, callbackUrl: "/" }),
    redirect: "manual",
  });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).not.toContain("error");
  const session = setCookies(response).find((cookie) => cookie.startsWith("__Host-authjs.session-token="));
  expect(session, setCookies(response).join("\n")).toBeDefined();
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  expect(session).toMatch(/;\s*Path=\//i);
  expect(session).not.toMatch(/;\s*Domain=/i);
  const value = /^__Host-authjs\.session-token=([^;]+)/.exec(session!)![1]!;
  // The prefixed cookie is the one that counts over https; the plain name is not read there.
  const me = await (
    await fetch(`${server.url}/api/me`, { headers: { ...HTTPS, cookie: `__Host-authjs.session-token=${value}` } })
  ).json();
  expect(me).toMatchObject({ signedIn: true, email });
  const plainName = await (
    await fetch(`${server.url}/api/me`, { headers: { ...HTTPS, cookie: `authjs.session-token=${value}` } })
  ).json();
  expect(plainName).toEqual({ signedIn: false });
});
