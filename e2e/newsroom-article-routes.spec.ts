// The newsroom's article routes over real HTTP: every page and route handler
// checks the role itself (signed out 401 or the sign-in page, reader 403,
// editor and admin allowed), and a refused request changes nothing. Also the
// answers to bad input, and an old slug's permanent redirect.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { sql } from "./database";
import { origin } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

type Role = "reader" | "editor" | "admin";

/** A request context signed in with `role` (or signed out for null). */
async function client(browser: Browser, role: Role | null, label: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  if (role) {
    const person = await startSession(context, uniqueEmail(test.info(), label));
    await sql("UPDATE users SET role = $2 WHERE id = $1", [person.id, role]);
  }
  return context.request;
}

const json = (data: unknown) => ({ data: data as Record<string, unknown>, headers: { Origin: origin() } });

function content(title: string, extra: Record<string, unknown> = {}) {
  return { title, dek: "Checked over HTTP.", body: "Before the cut.\n\n<!-- paywall -->\n\nAfter the cut.", ...extra };
}

async function createDraft(editor: APIRequestContext, title = `Route check ${randomUUID().slice(0, 8)}`) {
  const response = await editor.post("/api/admin/articles", json(content(title)));
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; slug: string; version: number };
}

/** Everything a refused request could have changed about the article. */
async function stateOf(id: string) {
  const [article] = await sql<{
    version: number;
    status: string;
    title: string;
    slug: string;
    published_at: Date | null;
  }>("SELECT version, status, title, slug, published_at FROM articles WHERE id = $1", [id]);
  const [revisions] = await sql<{ count: string }>("SELECT count(*) FROM article_revisions WHERE article_id = $1", [
    id,
  ]);
  const [audit] = await sql<{ count: string }>("SELECT count(*) FROM audit_log WHERE details ->> 'articleId' = $1", [
    id,
  ]);
  return { article, revisions: revisions!.count, audit: audit!.count };
}

/** Every article route, as [name, send]; `title` names anything a create would make. */
function routes(
  id: string,
  title: string,
): [string, (api: APIRequestContext) => ReturnType<APIRequestContext["get"]>][] {
  const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
  return [
    ["GET list", (api) => api.get("/api/admin/articles?status=draft&q=route")],
    ["POST create", (api) => api.post("/api/admin/articles", json(content(title)))],
    ["POST preview", (api) => api.post("/api/admin/articles/preview", json({ body: "a\n\n<!-- paywall -->\n\nb" }))],
    ["GET article", (api) => api.get(`/api/admin/articles/${id}`)],
    ["POST save", (api) => api.post(`/api/admin/articles/${id}`, json(content(`${title} saved`, { version: 1 })))],
    ["POST publish", (api) => api.post(`/api/admin/articles/${id}/publish`, json({}))],
    ["POST unpublish", (api) => api.post(`/api/admin/articles/${id}/unpublish`, json({}))],
    ["POST schedule", (api) => api.post(`/api/admin/articles/${id}/schedule`, json({ publishAt: later }))],
    ["GET revisions", (api) => api.get(`/api/admin/articles/${id}/revisions`)],
    ["GET revision", (api) => api.get(`/api/admin/articles/${id}/revisions/1`)],
    ["POST restore", (api) => api.post(`/api/admin/articles/${id}/revisions/1/restore`, json({}))],
  ];
}

const pages = (id: string) => [
  "/admin/articles",
  "/admin/articles/new",
  `/admin/articles/${id}`,
  `/admin/articles/${id}/revisions`,
  `/admin/articles/${id}/revisions/1`,
  `/admin/articles/${id}/revisions/compare`,
];

test("signed out: every article route answers 401, every page sends to sign-in, and nothing changes", async ({
  browser,
}) => {
  const editor = await client(browser, "editor", "editor");
  const article = await createDraft(editor);
  const before = await stateOf(article.id);
  const title = `Never created ${randomUUID()}`;
  const anonymous = await client(browser, null, "anonymous");
  for (const [name, send] of routes(article.id, title)) {
    const response = await send(anonymous);
    expect(response.status(), name).toBe(401);
    expect(response.headers()["cache-control"], name).toBe("private, no-store");
  }
  for (const path of pages(article.id)) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toContain(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  expect(await stateOf(article.id)).toEqual(before);
  expect(await sql("SELECT id FROM articles WHERE title LIKE $1", [`${title}%`])).toHaveLength(0);
});

test("reader: every article route and page answers 403, and nothing changes", async ({ browser }) => {
  const editor = await client(browser, "editor", "editor");
  const article = await createDraft(editor);
  const before = await stateOf(article.id);
  const title = `Never created ${randomUUID()}`;
  const reader = await client(browser, "reader", "reader");
  for (const [name, send] of routes(article.id, title)) {
    const response = await send(reader);
    expect(response.status(), name).toBe(403);
    expect(await response.json(), name).toMatchObject({ error: "forbidden" });
  }
  for (const path of pages(article.id)) {
    expect((await reader.get(path)).status(), path).toBe(403);
  }
  expect(await stateOf(article.id)).toEqual(before);
  expect(await sql("SELECT id FROM articles WHERE title LIKE $1", [`${title}%`])).toHaveLength(0);
});

for (const role of ["editor", "admin"] as const) {
  test(`${role}: every article route and page works`, async ({ browser }) => {
    const api = await client(browser, role, role);
    const article = await createDraft(api);
    const title = `Made by an ${role} ${randomUUID()}`;
    const expected: Record<string, number> = { "POST create": 201 };
    for (const [name, send] of routes(article.id, title)) {
      const response = await send(api);
      expect(response.status(), `${name}: ${await response.text()}`).toBe(expected[name] ?? 200);
    }
    for (const path of pages(article.id)) {
      expect((await api.get(path)).status(), path).toBe(200);
    }
    const after = await stateOf(article.id);
    // Saved (2), restored (3); published, unpublished, scheduled: three audit entries.
    expect(after).toMatchObject({ article: { version: 3, status: "scheduled" }, revisions: "3", audit: "3" });
    expect(await sql("SELECT id FROM articles WHERE title = $1", [title])).toHaveLength(1);
  });
}

test("a cross-site request from an editor's browser is refused and changes nothing", async ({ browser }) => {
  const editor = await client(browser, "editor", "editor");
  const article = await createDraft(editor);
  const before = await stateOf(article.id);
  const response = await editor.post(`/api/admin/articles/${article.id}/publish`, {
    data: {},
    headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
  });
  expect(response.status()).toBe(403);
  expect(await stateOf(article.id)).toEqual(before);
});

test("bad input gets a clear 400 (or 404), never a 500, and changes nothing", async ({ browser }) => {
  const editor = await client(browser, "editor", "editor");
  const article = await createDraft(editor);
  const before = await stateOf(article.id);
  const base = `/api/admin/articles/${article.id}`;

  const noHeadline = await editor.post(base, json({ ...content(""), version: 1 }));
  expect(noHeadline.status()).toBe(400);
  expect(await noHeadline.json()).toMatchObject({
    error: "invalid",
    fieldErrors: { title: "Give the article a headline." },
  });

  const badFields = await editor.post(
    base,
    json({ ...content("Fine"), slug: "Not A Slug", authorIds: ["nobody"], kind: "weekly", version: "x" }),
  );
  expect(badFields.status()).toBe(400);
  expect(Object.keys((await badFields.json()).fieldErrors).sort()).toEqual(["authorIds", "kind", "slug", "version"]);

  const notJson = await editor.post(base, {
    data: "{not json",
    headers: { Origin: origin(), "Content-Type": "application/json" },
  });
  expect(notJson.status()).toBe(400);
  const tooLong = await editor.post(base, json({ ...content("Long"), body: "x".repeat(200_001), version: 1 }));
  expect(tooLong.status()).toBe(400);
  const badTime = await editor.post(`${base}/schedule`, json({ publishAt: "next tuesday" }));
  expect(badTime.status()).toBe(400);
  expect((await badTime.json()).fieldErrors.publishAt).toContain("YYYY-MM-DDTHH:MM");
  const stale = await editor.post(base, json({ ...content("Stale"), version: 7 }));
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toMatchObject({ error: "conflict", version: 1 });

  for (const path of [
    "/api/admin/articles/not-a-uuid",
    `/api/admin/articles/${randomUUID()}`,
    `${base}/revisions/0`,
    `${base}/revisions/99`,
  ]) {
    expect((await editor.get(path)).status(), path).toBe(404);
  }
  expect((await editor.post(`/api/admin/articles/${randomUUID()}/publish`, json({}))).status()).toBe(404);
  expect(await stateOf(article.id)).toEqual(before);
});

test("a garbled version is refused with 400 on every route that takes one, as JSON and as a form", async ({
  browser,
}) => {
  const editor = await client(browser, "editor", "editor");
  const article = await createDraft(editor);
  const before = await stateOf(article.id);
  const base = `/api/admin/articles/${article.id}`;
  const garbage: unknown[] = ["x", "", " ", "1x", "-1", "1e3", 0, -1, 1.5, 2 ** 31, "9".repeat(400), true, [1], {}];
  for (const version of garbage) {
    const label = JSON.stringify(version);
    const save = await editor.post(base, json({ ...content("Garbled"), version }));
    expect(save.status(), `save ${label}`).toBe(400);
    expect((await save.json()).fieldErrors, `save ${label}`).toHaveProperty("version");
    for (const action of ["publish", "unpublish", "schedule"]) {
      // An empty string means "no version" to publishing (the form's field left out).
      if (version === "") continue;
      const response = await editor.post(`${base}/${action}`, json({ version, publishAt: "2030-01-01T10:00" }));
      expect(response.status(), `${action} ${label}`).toBe(400);
    }
  }
  // A form without JavaScript, with the version field tampered with: back to the editor with the error.
  for (const version of ["x", "1; DROP TABLE articles", "\u0000", "1".repeat(1000)]) {
    const form = await editor.post(base, {
      form: { title: "Garbled by form", body: "Text.", version },
      headers: { Origin: origin() },
      maxRedirects: 0,
    });
    expect(form.status(), version.slice(0, 20)).toBe(303);
    const location = new URL(form.headers().location!, origin());
    expect(location.pathname).toBe(`/admin/articles/${article.id}`);
    expect(location.searchParams.get("notice")).toBe("invalid");
    expect(location.searchParams.get("error.version")).toMatch(/^Send the version/);
  }
  // The version a conflict names, for a save that is far behind or ahead.
  for (const version of [2, 2 ** 31 - 1]) {
    const stale = await editor.post(base, json({ ...content("Ahead"), version }));
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ error: "conflict", version: 1 });
  }
  expect(await stateOf(article.id)).toEqual(before);
});

test("a published article's old slug answers a permanent redirect to the new one", async ({ browser }) => {
  const editor = await client(browser, "editor", "editor");
  const article = await createDraft(editor);
  expect((await editor.post(`/api/admin/articles/${article.id}/publish`, json({ version: 1 }))).status()).toBe(200);
  const renamed = `${article.slug}-renamed`;
  const saved = await editor.post(
    `/api/admin/articles/${article.id}`,
    json(content("Renamed", { slug: renamed, version: 1 })),
  );
  expect(saved.status()).toBe(200);

  const anonymous = await client(browser, null, "anonymous");
  const old = await anonymous.get(`/articles/${article.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(new URL(old.headers().location!, origin()).pathname).toBe(`/articles/${renamed}`);
  const now = await anonymous.get(`/articles/${renamed}`);
  expect(now.status()).toBe(200);
  expect(await now.text()).toContain("Before the cut.");
  expect((await anonymous.get(`/articles/never-was-${randomUUID()}`, { maxRedirects: 0 })).status()).toBe(404);
});
