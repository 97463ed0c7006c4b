// The newsroom's people-and-catalogue routes and pages over real HTTP: who
// may call each (signed out 401, reader 403, editor 403 where admins only),
// that a refused call changes nothing, and the answers to bad input.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { CUT_COLUMNS, cutValues, storedCut } from "../lib/articles/stored-cut";
import { sql } from "./database";
import { origin } from "./reader-api";
import { startSession, type TestReader } from "./sessions";
import { uniqueEmail } from "./sign-in";

type Role = "reader" | "editor" | "admin";

async function signedIn(context: BrowserContext, role: Role, label: string): Promise<TestReader> {
  const person = await startSession(context, uniqueEmail(test.info(), label));
  await sql("UPDATE users SET role = $2 WHERE id = $1", [person.id, role]);
  return person;
}

async function createTopic(): Promise<{ id: string; slug: string }> {
  const slug = `e2e-route-topic-${randomUUID().slice(0, 8)}`;
  const [topic] = await sql<{ id: string }>(
    "INSERT INTO tags (type, slug, name) VALUES ('topic', $1, $1) RETURNING id::text",
    [slug],
  );
  return { id: topic!.id, slug };
}

const post = (request: APIRequestContext, path: string, data?: Record<string, unknown>) =>
  request.post(path, { headers: { Origin: origin() }, data: data ?? {} });

test.describe("role checks over HTTP", () => {
  test("every route refuses the signed out (401) and readers (403), and admins' routes refuse editors; nothing changes", async ({
    browser,
    request,
  }, testInfo) => {
    test.slow();
    const baseURL = testInfo.project.use.baseURL;
    const readerContext = await browser.newContext({ baseURL });
    const editorContext = await browser.newContext({ baseURL });
    await signedIn(readerContext, "reader", "reader");
    await signedIn(editorContext, "editor", "editor");
    const target = await signedIn(await browser.newContext({ baseURL }), "reader", "target");
    const [topic, other] = [await createTopic(), await createTopic()];
    const routes: { path: string; data?: Record<string, unknown>; needs: Role }[] = [
      { path: "/api/admin/taxonomy/topics", data: { name: `Refused ${topic.slug}` }, needs: "editor" },
      { path: `/api/admin/taxonomy/topics/${topic.id}`, data: { name: "Renamed" }, needs: "editor" },
      { path: `/api/admin/taxonomy/topics/${topic.id}/merge`, data: { into: other.id }, needs: "editor" },
      { path: `/api/admin/taxonomy/topics/${other.id}/delete`, needs: "editor" },
      { path: `/api/admin/readers/${target.id}/comp`, data: { until: "2099-01-01" }, needs: "admin" },
      { path: `/api/admin/readers/${target.id}/comp/revoke`, needs: "admin" },
      { path: `/api/admin/readers/${target.id}/role`, data: { role: "admin" }, needs: "admin" },
    ];
    for (const route of routes) {
      const anonymous = await post(request, route.path, route.data);
      expect(anonymous.status(), `signed out: ${route.path}`).toBe(401);
      const reader = await post(readerContext.request, route.path, route.data);
      expect(reader.status(), `reader: ${route.path}`).toBe(403);
      expect(await reader.json()).toMatchObject({ error: "forbidden" });
      if (route.needs === "admin") {
        const editor = await post(editorContext.request, route.path, route.data);
        expect(editor.status(), `editor: ${route.path}`).toBe(403);
      }
    }
    expect(await sql("SELECT slug, name FROM tags WHERE id IN ($1, $2) ORDER BY slug", [topic.id, other.id])).toEqual(
      [topic, other].map((tag) => ({ slug: tag.slug, name: tag.slug })).sort((a, b) => a.slug.localeCompare(b.slug)),
    );
    expect(await sql("SELECT count(*)::int AS n FROM tags WHERE name = $1", [`Refused ${topic.slug}`])).toEqual([
      { n: 0 },
    ]);
    expect(await sql("SELECT role, comp_until FROM users WHERE id = $1", [target.id])).toEqual([
      { role: "reader", comp_until: null },
    ]);
    expect(await sql("SELECT count(*)::int AS n FROM audit_log WHERE subject = $1", [target.email])).toEqual([
      { n: 0 },
    ]);
  });

  test("pages: signed out goes to sign-in, a reader gets 403, an editor gets 403 on the readers pages", async ({
    browser,
    page,
  }, testInfo) => {
    test.slow();
    const baseURL = testInfo.project.use.baseURL;
    const anonymous = await browser.newContext({ baseURL });
    const anonymousPage = await anonymous.newPage();
    await anonymousPage.goto("/admin/topics");
    await expect(anonymousPage).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Ftopics/);
    await anonymous.close();

    const reader = await signedIn(page.context(), "reader", "reader");
    for (const path of [
      "/admin/authors",
      "/admin/topics",
      "/admin/regions",
      "/admin/readers",
      `/admin/readers/${reader.id}`,
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
    await sql("UPDATE users SET role = 'editor' WHERE id = $1", [reader.id]);
    for (const path of ["/admin/authors", "/admin/topics", "/admin/regions"])
      expect((await page.goto(path))?.status(), path).toBe(200);
    for (const path of ["/admin/readers", `/admin/readers/${reader.id}`])
      expect((await page.goto(path))?.status(), path).toBe(403);
  });

  test("a request from another site is refused before anything else", async ({ page }) => {
    await signedIn(page.context(), "admin", "admin");
    const response = await page.request.post("/api/admin/taxonomy/topics", {
      headers: { Origin: "https://evil.example" },
      data: { name: "Cross-site" },
    });
    expect(response.status()).toBe(403);
    expect(await sql("SELECT count(*)::int AS n FROM tags WHERE name = 'Cross-site'")).toEqual([{ n: 0 }]);
  });
});

test.describe("answers over HTTP", () => {
  test("taxonomy: 201 created, 409 for a taken slug, 400 for bad input, 409 deleting what is used, 404 for an unknown section", async ({
    page,
  }) => {
    await signedIn(page.context(), "editor", "editor");
    const api = page.request;
    const slug = `e2e-json-${randomUUID().slice(0, 8)}`;
    const created = await post(api, "/api/admin/taxonomy/regions", { name: "JSON Region", slug });
    expect(created.status()).toBe(201);
    const { item } = await created.json();
    expect(item).toMatchObject({ kind: "region", name: "JSON Region", slug, url: `/regions/${slug}`, articleCount: 0 });

    const taken = await post(api, "/api/admin/taxonomy/regions", { name: "Again", slug });
    expect(taken.status()).toBe(409);
    expect(await taken.json()).toEqual({
      error: "slug-taken",
      message: `Another region already has the slug “${slug}”.`,
    });

    for (const data of [{ name: "" }, { name: "Fine", slug: "Not a slug" }, { name: ["array"] }]) {
      const bad = await post(api, "/api/admin/taxonomy/regions", data);
      expect(bad.status(), JSON.stringify(data)).toBe(400);
      expect((await bad.json()).message).toEqual(expect.any(String));
    }
    const garbage = await api.post("/api/admin/taxonomy/regions", {
      headers: { Origin: origin(), "Content-Type": "application/json" },
      data: "{nope",
    });
    expect(garbage.status()).toBe(400);

    const [article] = await sql<{ id: string }>(
      `INSERT INTO articles (slug, title, body, status, ${CUT_COLUMNS})
       VALUES ($1, 'Draft', 'Body.', 'draft', $2, $3, $4, $5, $6) RETURNING id::text`,
      [`${slug}-draft`, ...cutValues(storedCut("Body."))],
    );
    await sql("INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)", [article!.id, item.id]);
    const used = await post(api, `/api/admin/taxonomy/regions/${item.id}/delete`);
    expect(used.status()).toBe(409);
    expect((await used.json()).message).toContain("merge it into another region instead");
    await sql("DELETE FROM articles WHERE id = $1", [article!.id]);
    expect((await post(api, `/api/admin/taxonomy/regions/${item.id}/delete`)).status()).toBe(200);
    expect((await post(api, `/api/admin/taxonomy/regions/${item.id}/delete`)).status()).toBe(404);
    expect((await post(api, "/api/admin/taxonomy/places", { name: "Nowhere" })).status()).toBe(404);
  });

  test("readers: comp with a bad date is 400 and changes nothing; a good one is 200; a bad role is 400", async ({
    page,
    browser,
  }, testInfo) => {
    await signedIn(page.context(), "admin", "admin");
    const target = await signedIn(
      await browser.newContext({ baseURL: testInfo.project.use.baseURL }),
      "reader",
      "target",
    );
    const api = page.request;
    for (const until of ["2001-01-01", "2026-02-30", "next week", ""]) {
      const bad = await post(api, `/api/admin/readers/${target.id}/comp`, { until });
      expect(bad.status(), until).toBe(400);
      expect(await bad.json()).toMatchObject({ error: "invalid-date", message: expect.any(String) });
    }
    expect(await sql("SELECT comp_until FROM users WHERE id = $1", [target.id])).toEqual([{ comp_until: null }]);
    // The tests' publication time zone is UTC: access ends at the midnight after the day.
    const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const granted = await post(api, `/api/admin/readers/${target.id}/comp`, { until: day });
    expect(granted.status()).toBe(200);
    const until = new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString();
    expect(await granted.json()).toMatchObject({ compUntil: until });
    expect(await sql("SELECT comp_until FROM users WHERE id = $1", [target.id])).toEqual([
      { comp_until: new Date(until) },
    ]);
    expect((await post(api, `/api/admin/readers/${target.id}/role`, { role: "owner" })).status()).toBe(400);
    expect((await post(api, `/api/admin/readers/${randomUUID()}/comp`, { until: day })).status()).toBe(404);
  });
});
