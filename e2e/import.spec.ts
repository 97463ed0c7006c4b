// The newsroom's import form (/admin/import): an admin uploads a Ghost
// export, reads the preview with its counts and problem rows, imports it,
// and the imported paywalled article shows only its preview to a visitor,
// its old address redirecting to it. A truncated export is refused with a
// sentence and imports nothing; a 2 GB upload is refused at once with a
// 413 while the server's memory stays flat; a reader is refused.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "./database";
import { startSession, type TestReader } from "./sessions";
import { uniqueEmail } from "./sign-in";

const GHOST_EXPORT = path.resolve(import.meta.dirname, "../test/fixtures/import/ghost/ghost-export.json");
const PAYWALLED = "the-price-of-cheap-money";
const PREVIEW_SENTENCE = "For a decade, money in the euro area was almost free.";
const LAST_SENTENCE = "We expect the bank to choose the first path";
const RUN_PAGE = /\/admin\/import\/[0-9a-f-]{36}(\?.*)?$/;
const GB = 1024 ** 3;

async function signInAdmin(page: Page, label: string): Promise<TestReader> {
  const admin = await startSession(page.context(), uniqueEmail(test.info(), label));
  await sql("UPDATE users SET role = 'admin' WHERE id = $1", [admin.id]);
  return admin;
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string): Promise<void> {
  await page.goto("/admin/import");
  await page.getByLabel("Export file").setInputFiles(file);
  await page.getByRole("button", { name: "Preview import" }).click();
}

const status = (page: Page) => page.getByTestId("import-status");

test("an admin previews a Ghost export, imports it, and the paywalled article keeps its cut", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAdmin(page, "import-admin");

  await test.step("the form, reached from the newsroom's navigation", async () => {
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Import" }).click();
    await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();
    await expect(page.getByText("a Substack export (zip)")).toBeVisible();
    await expect(page.getByLabel("Skip drafts")).toBeChecked();
  });

  await test.step("the preview: counts and every problem row, nothing written", async () => {
    await page.getByLabel("Export file").setInputFiles(GHOST_EXPORT);
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page).toHaveURL(RUN_PAGE);
    // The page reloads itself until the preview is ready.
    await expect(status(page)).toContainText("The preview is ready", { timeout: 60_000 });
    await expect(page.getByRole("heading", { name: "ghost-export.json", level: 1 })).toBeVisible();
    const counts = page.getByLabel("Would be imported");
    await expect(counts).toContainText("Articles");
    await expect(counts).toContainText("Old addresses");
    const problems = page.locator("table.import-problems");
    await expect(problems.getByRole("row").nth(1)).toBeVisible();
    await expect(problems).toContainText(/page/i);
  });

  await test.step("the import runs and ends with a report", async () => {
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page).toHaveURL(/notice=started/);
    await expect(status(page)).toContainText("Imported", { timeout: 90_000 });
    await expect(page.getByLabel("Imported", { exact: true })).toContainText("Articles");
    await expect(page.getByTestId("import-summary")).toContainText("Ghost export");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the report (JSON)" }).click();
    const report = JSON.parse(readFileSync((await (await download).path())!, "utf8")) as {
      report: { dryRun: boolean; posts: { created: number; unchanged: number } };
    };
    expect(report.report.dryRun).toBe(false);
    // Created now, or unchanged when an earlier run on this database imported it.
    expect(report.report.posts.created + report.report.posts.unchanged).toBeGreaterThan(0);
    await page.goto("/admin/import");
    await expect(page.locator("table.import-runs")).toContainText("ghost-export.json");
  });

  await test.step("a visitor reads the preview and meets the paywall; the old address redirects", async () => {
    const visitor = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    // Hop by hop, each permanent (Next.js first drops the trailing slash with a 308).
    let location = `/${PAYWALLED}/`;
    for (let hop = 0; hop < 3 && !location.startsWith("/articles/"); hop += 1) {
      const answer = await visitor.request.get(location, { maxRedirects: 0 });
      expect([301, 308], `${location} answered ${answer.status()}`).toContain(answer.status());
      location = new URL(answer.headers().location!, test.info().project.use.baseURL).pathname;
    }
    expect(location).toMatch(new RegExp(`^/articles/${PAYWALLED}(-\\d+)?$`));
    const reader = await visitor.newPage();
    await reader.goto(location);
    await expect(reader.getByText(PREVIEW_SENTENCE)).toBeVisible();
    await expect(reader.getByRole("complementary", { name: "Continue reading" })).toBeVisible();
    await expect(reader.getByText(LAST_SENTENCE)).toHaveCount(0);
    expect(await reader.content()).not.toContain(LAST_SENTENCE);
    // The paywall leak checks (paywall-leak.spec.ts) over the imported article:
    // every form a browser or a scraper can ask for, and the old address's answers.
    const phrase = encodeURIComponent(`"${LAST_SENTENCE.split(" ").slice(-4).join(" ")}"`);
    const surfaces: [string, Record<string, string>][] = [
      [location, {}],
      [`${location}?utm_source=x`, {}],
      [location, { RSC: "1" }],
      [location, { RSC: "1", "Next-Router-Prefetch": "1" }],
      [`/search?q=${phrase}`, {}],
      [`/api/search?q=${phrase}`, {}],
      ["/feed.xml", {}],
      [`/${PAYWALLED}`, {}],
    ];
    for (const [surface, headers] of surfaces) {
      const answer = await visitor.request.get(surface, { headers, maxRedirects: 0 });
      expect(await answer.text(), `${surface} ${JSON.stringify(headers)}`).not.toContain(LAST_SENTENCE);
    }
    await visitor.close();
  });
});

test("a truncated export is refused with a sentence, and nothing is imported", async ({ page }) => {
  await signInAdmin(page, "import-truncated");
  const whole = readFileSync(GHOST_EXPORT);
  await upload(page, {
    name: "truncated-export.json",
    mimeType: "application/json",
    buffer: whole.subarray(0, Math.floor(whole.length / 2)),
  });
  await expect(page).toHaveURL(RUN_PAGE);
  await expect(status(page)).toContainText("truncated", { timeout: 60_000 });
  await expect(status(page)).toContainText("Failed");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
  const id = new URL(page.url()).pathname.split("/").pop();
  const [run] = await sql<{ status: string; preview: unknown; report: unknown }>(
    "SELECT status, preview, report FROM import_runs WHERE id = $1",
    [id],
  );
  expect(run).toEqual({ status: "failed", preview: null, report: null });
});

test("a file that is no export is refused at the upload, with a sentence", async ({ page }) => {
  const admin = await signInAdmin(page, "import-unknown");
  // This admin's runs: other tests import at the same time.
  const runsOf = () => sql<{ count: string }>("SELECT count(*) FROM import_runs WHERE created_by = $1", [admin.id]);
  const answer = page.waitForResponse((response) => response.url().endsWith("/api/admin/import"));
  await upload(page, { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("just some notes\n") });
  expect((await answer).status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("this file is none of them");
  await expect(page.getByRole("link", { name: "Back to Import" })).toBeVisible();
  await page.goto("/admin/import");
  await upload(page, { name: "empty.json", mimeType: "application/json", buffer: Buffer.alloc(0) });
  await expect(page.getByRole("alert")).toContainText("The file is empty.");
  expect(await runsOf()).toEqual([{ count: "0" }]);
});

/** The resident memory of the process listening on `port`, in bytes; null where it cannot be read. */
function serverMemory(port: number): number | null {
  try {
    const listening = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
    const pid = /pid=(\d+)/.exec(listening)?.[1];
    if (!pid) return null;
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Claims a 2 GB upload on a plain socket (Node's HTTP client stops sending
 * once it has read an answer; a browser goes on), reads the answer, then
 * goes on sending `thenMb` megabytes of it before hanging up.
 */
async function claimHugeUpload(base: URL, cookie: string, thenMb: number): Promise<string> {
  const socket = connect(Number(base.port), base.hostname);
  const answer = new Promise<string>((resolve, reject) => {
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (part: string) => {
      text += part;
      const [head, body = ""] = text.split("\r\n\r\n");
      if (body.length >= Number(/content-length: (\d+)/i.exec(head ?? "")?.[1] ?? NaN)) resolve(text);
    });
    socket.on("error", reject);
    setTimeout(() => reject(new Error(`no whole answer within 10 s: ${JSON.stringify(text)}`)), 10_000);
  });
  socket.write(
    [
      "POST /api/admin/import HTTP/1.1",
      `Host: ${base.host}`,
      `Cookie: ${cookie}`,
      "Accept: text/plain",
      "Content-Type: multipart/form-data; boundary=----folio",
      `Content-Length: ${2 * GB}`,
      "",
      '------folio\r\nContent-Disposition: form-data; name="file"; filename="huge.json"\r\n\r\n{',
    ].join("\r\n"),
  );
  const text = await answer;
  const chunk = Buffer.alloc(1024 * 1024, "x");
  for (let sent = 0; sent < thenMb; sent += 1) {
    if (!socket.write(chunk)) await new Promise((drained) => socket.once("drain", drained));
  }
  socket.destroy();
  return text;
}

test("a 2 GB upload is refused at once with 413, and the server's memory stays flat", async ({ page }) => {
  await signInAdmin(page, "import-large");
  const base = new URL(test.info().project.use.baseURL!);
  const cookie = (await page.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  // Answered before the body: the server does not wait for 2 GB that will not come.
  const first = await claimHugeUpload(base, cookie, 1);
  expect(first.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
  expect(first).toContain(
    "This file is 2.0 GB; imports take at most 1 GB. Import a file this large with `npm run import` on the server.",
  );
  // Measured once the code for the answer is loaded: 512 MB sent after the answer are read and dropped.
  const before = serverMemory(Number(base.port));
  expect((await claimHugeUpload(base, cookie, 512)).split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
  const after = serverMemory(Number(base.port));
  if (before !== null && after !== null) {
    test.info().annotations.push({ type: "server memory", description: `${before} -> ${after} bytes` });
    // Measured: between -21 and +59 MB (garbage not yet collected); a body kept would be 512 MB more.
    expect(after - before).toBeLessThan(128 * 1024 * 1024);
  }
});

test("a reader is refused the form, its upload and its runs", async ({ page }) => {
  await startSession(page.context(), uniqueEmail(test.info(), "import-reader"));
  const form = await page.goto("/admin/import");
  expect(form?.status()).toBe(403);
  const posted = await page.request.post("/api/admin/import", {
    multipart: {
      file: { name: "ghost-export.json", mimeType: "application/json", buffer: readFileSync(GHOST_EXPORT) },
    },
  });
  expect(posted.status()).toBe(403);
  const apply = await page.request.post("/api/admin/import/00000000-0000-4000-8000-000000000000/apply");
  expect(apply.status()).toBe(403);
  const anonymous = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const visitor = await anonymous.newPage();
  await visitor.goto("/admin/import");
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fimport/);
  await anonymous.close();
});
