// Requests shaped for Next.js and Auth.js rather than for Folio's own routes
// (issue 19): Auth.js's built-in sign-in route, server actions posted from
// another site, a malformed router state header, and methods a page does not
// answer. Each is refused with a 4xx that says so, and nothing changes: no
// mail is sent, no article unlocked.
import { randomBytes } from "node:crypto";
import { expect, test } from "./own-folio";
import { gatedArticle } from "../fixtures";
import { mailsTo } from "../maildev";
import { expectDatabaseUnchanged, snapshotDatabase, type Snapshot } from "./database-snapshot";
import { signedInReader, type SignedInReader } from "./identities";
import { send, sendPastCacheBuster } from "./raw-request";
import { serverActions } from "./server-actions";

const ARTICLE = `/articles/${gatedArticle.slug}`;
const MADE_UP_ACTION = "7f".repeat(21);

let reader: SignedInReader;
let before: Snapshot;

test.beforeAll(async () => {
  reader = await signedInReader("shape");
  before = await snapshotDatabase();
});

test.afterAll(async () => {
  await expectDatabaseUnchanged(before);
});

function multipart(fields: [string, string][]): { type: string; body: string } {
  const boundary = `folio${randomBytes(8).toString("hex")}`;
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { type: `multipart/form-data; boundary=${boundary}`, body: `${parts.join("")}--${boundary}--\r\n` };
}

const unescapeHtml = (value: string) =>
  value
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** The hidden fields of the page's forms that call a server action without JavaScript. */
function actionFields(html: string): [string, string][] {
  return [...html.matchAll(/<input\b[^>]*>/g)].flatMap(([tag]) => {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (!name?.startsWith("$ACTION")) return [];
    return [[unescapeHtml(name), unescapeHtml(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "")] as [string, string]];
  });
}

test("Auth.js's own sign-in and callback routes are closed: no mail past Folio's limits", async () => {
  const email = `bombed-${randomBytes(6).toString("hex")}@hardening.example`;
  const csrf = await send({ method: "GET", path: "/api/auth/csrf" });
  expect(csrf.status).toBe(200);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] as string[]).map((line) => line.split(";")[0]).join("; ");
  const signIn = await send({
    method: "POST",
    path: "/api/auth/signin/email",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ csrfToken, email, callbackUrl: "/" }).toString(),
  });
  expect(signIn.status).toBe(404);
  for (const path of [
    "/api/auth/signin",
    "/api/auth/signin/email",
    "/api/auth/providers",
    `/api/auth/callback/email?${new URLSearchParams({ token: "0".repeat(64), email })}`,
  ]) {
    expect((await send({ method: "GET", path })).status, path).toBe(404);
  }
  // What Folio still uses stays open.
  expect((await send({ method: "GET", path: "/api/auth/session" })).status).toBe(200);
  // Auth.js sends its mail before it answers; give a slow one time to show up anyway.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await mailsTo(email)).toHaveLength(0);
});

test("a server action from another site is refused with a 403, whatever its id", async () => {
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(0);
  const foreign: Record<string, Record<string, string>> = {
    "foreign Origin": { origin: "http://evil.example" },
    "Origin null": { origin: "null" },
    "unreadable Origin": { origin: "not a url" },
    "foreign Origin, Sec-Fetch-Site forged same-origin": {
      origin: "http://evil.example",
      "sec-fetch-site": "same-origin",
    },
    "Sec-Fetch-Site cross-site, no Origin": { "sec-fetch-site": "cross-site" },
  };
  for (const { id, path } of [...actions, { id: MADE_UP_ACTION, path: "/" }]) {
    for (const target of [path, "/api/no-such-route"]) {
      for (const [label, headers] of Object.entries(foreign)) {
        for (const signedIn of [false, true]) {
          const form = multipart([[`$ACTION_ID_${id}`, ""]]);
          const identity: Record<string, string> = signedIn ? { cookie: reader.cookie } : {};
          const asForm = await send({
            method: "POST",
            path: target,
            headers: { ...headers, ...identity, "content-type": form.type },
            body: form.body,
          });
          expect(asForm.status, `form ${id} at ${target} [${label}]`).toBe(403);
          const asFetch = await send({
            method: "POST",
            path: target,
            headers: { ...headers, ...identity, "next-action": id, "content-type": "text/plain;charset=UTF-8" },
            body: "[]",
          });
          expect(asFetch.status, `fetch ${id} at ${target} [${label}]`).toBe(403);
        }
      }
    }
  }
});

test("the unlock form posted from another site without an Origin spends nothing", async () => {
  // The form exactly as the reader's page carries it, as an attacker's page would copy it.
  const page = await send({ method: "GET", path: ARTICLE, headers: { cookie: reader.cookie } });
  const fields = actionFields(page.body);
  expect(fields.map(([name]) => name).join(" "), "the unlock form's hidden fields").toContain("$ACTION_REF_");
  const form = multipart(fields);
  const response = await send({
    method: "POST",
    path: ARTICLE,
    headers: { cookie: reader.cookie, "sec-fetch-site": "cross-site", "content-type": form.type },
    body: form.body,
  });
  expect(response.status).toBe(403);
  // (The database, article_unlocks included, is compared after all tests.)
});

test("the unlock form with its bound fields tampered is answered 400 and spends nothing", async () => {
  const page = await send({ method: "GET", path: ARTICLE, headers: { cookie: reader.cookie } });
  const fields = actionFields(page.body);
  // React runs the form's last $ACTION_REF_n; its fields are "$ACTION_n:0" (metadata) and "$ACTION_n:1".
  const reference = fields.findLast(([name]) => name.startsWith("$ACTION_REF_"));
  const prefix = `$ACTION_${reference?.[0].slice("$ACTION_REF_".length)}:`;
  const metadata = fields.find(([name]) => name === `${prefix}0`);
  const args = fields.find(([name]) => name === `${prefix}1`);
  expect(metadata, "the unlock form's action metadata").toBeDefined();
  expect(args, "the unlock form's bound arguments").toBeDefined();
  const { id } = JSON.parse(metadata![1]) as { id: string };
  const tampered: Record<string, [string, string]> = {
    "arguments that are not JSON": [args![0], "\u202eevil"],
    "arguments pointing at a field that is not there": [args![0], '["$@9"]'],
    "arguments that are not a list": [args![0], '{"slug":"x"}'],
    "metadata that is not JSON": [metadata![0], "{"],
    "metadata whose id is a reference": [metadata![0], JSON.stringify({ id: "$@1", bound: null })],
    "metadata bound to a missing field": [metadata![0], JSON.stringify({ id, bound: "$@7" })],
  };
  for (const [label, [name, value]] of Object.entries(tampered)) {
    const form = multipart(fields.map(([field, original]) => [field, field === name ? value : original]));
    const response = await send({
      method: "POST",
      path: ARTICLE,
      headers: { cookie: reader.cookie, "content-type": form.type },
      body: form.body,
    });
    expect(response.status, label).toBe(400);
    expect(response.body, label).toBe("Bad request: the form's action could not be read.");
  }
  // (The database, article_unlocks included, is compared after all tests.)
});

test("a malformed router state header is answered 400 on the home page and on an article", async () => {
  const malformed = {
    garbage: "garbage",
    "broken encoding": "%7B",
    "a deeply nested array": "[".repeat(7_000) + "]".repeat(7_000),
    "a router state nested beyond any route": `${'["",{"children":'.repeat(500)}["",{}]${"}]".repeat(500)}`,
    "an object": encodeURIComponent('{"children":[]}'),
  };
  for (const path of ["/", ARTICLE]) {
    for (const [label, value] of Object.entries(malformed)) {
      for (const method of ["GET", "HEAD"]) {
        // Past Next.js's ?_rsc= redirect, where it read the header (and answered 500).
        const response = await sendPastCacheBuster({
          method,
          path,
          headers: { rsc: "1", "next-router-state-tree": value },
        });
        expect(response.status, `${method} ${path} [${label}]`).toBe(400);
        if (method === "HEAD") expect(response.body, `HEAD ${path} [${label}]`).toBe("");
      }
    }
    // What Next.js's router sends is read as before.
    const state = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}, null, null] }, null, null, 1]));
    const readable = await sendPastCacheBuster({
      method: "GET",
      path,
      headers: { rsc: "1", "next-router-state-tree": state },
    });
    expect(readable.status, `${path} with a readable router state`).toBe(200);
    expect(String(readable.headers["content-type"])).toContain("text/x-component");
  }
});

test("PUT, DELETE and PATCH on a page are answered 405 with Allow; route handlers keep theirs", async () => {
  for (const path of ["/", ARTICLE, "/archive", "/no-such-page"]) {
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const response = await send({
        method,
        path,
        headers: { cookie: reader.cookie, "content-type": "application/json" },
        body: "{}",
      });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow, `${method} ${path}`).toBe("GET, HEAD, POST");
      expect(response.body).not.toContain(gatedArticle.title);
    }
  }
  // An API route answers its own methods: 405 for one it does not have, 204 with Allow for OPTIONS.
  expect((await send({ method: "PUT", path: "/api/me" })).status).toBe(405);
  expect((await send({ method: "OPTIONS", path: "/api/me" })).headers.allow).toContain("GET");
  expect((await send({ method: "PUT", path: "/feed.xml" })).status).toBe(405);
  // Pages still answer GET and HEAD.
  expect((await send({ method: "GET", path: "/" })).status).toBe(200);
  expect((await send({ method: "HEAD", path: ARTICLE })).status).toBe(200);
});
