// The reader's pages are valid HTML, as the W3C's validator (vnu, the npm
// package vnu-jar, run with Java) reads them, and each has one <h1> and no
// skipped heading level: what a reviewer and a screen reader's list of
// headings see. The pages are fetched as the production server sends them,
// and checked in one Java run (the JVM takes seconds to start; the checking
// itself is quick).
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { gatedArticle } from "./fixtures";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

// The package exports the path of its jar (as a String object).
const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

/** The pages checked, by name; `signedIn` ones as a reader with a session. */
const PAGES: { name: string; path: string; signedIn?: boolean }[] = [
  { name: "home", path: "/" },
  { name: "article", path: `/articles/${gatedArticle.slug}` },
  { name: "archive", path: "/archive" },
  { name: "topic", path: "/topics/e2e-energy" },
  { name: "search", path: "/search?q=tanker" },
  { name: "sign-in", path: "/signin" },
  { name: "subscribe", path: "/subscribe" },
  { name: "account", path: "/account", signedIn: true },
];

type VnuMessage = {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
};

/** vnu's errors per file (JSON on stderr; it exits 1 when it found any). */
async function validate(files: string[]): Promise<VnuMessage[]> {
  const run = promisify(execFile)("java", ["-jar", vnuJar, "--format", "json", "--errors-only", ...files], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const stderr = await run.then(
    (result) => result.stderr,
    (error: { stderr?: string }) => error.stderr ?? String(error),
  );
  return (JSON.parse(stderr) as { messages: VnuMessage[] }).messages.filter(
    (message) => message.type === "error" || message.subType === "fatal",
  );
}

/** The heading levels in document order. */
function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/gi)].map((match) => Number(match[1]));
}

/** What is wrong with a page's outline: not exactly one h1, or a level skipped on the way down. */
function outlineProblems(levels: number[]): string[] {
  const problems: string[] = [];
  const h1s = levels.filter((level) => level === 1).length;
  if (h1s !== 1) problems.push(`${h1s} <h1> elements`);
  levels.forEach((level, index) => {
    const before = index === 0 ? 0 : levels[index - 1]!;
    if (level > before + 1) problems.push(`<h${level}> after <h${before || "(none)"}>`);
  });
  return problems;
}

test("the reader's pages are valid HTML with one h1 and no skipped heading level", async ({
  request,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await startSession(page.context(), uniqueEmail(testInfo, "html-validity"));
  const files = new Map<string, string>();
  const outlines: string[] = [];
  for (const { name, path, signedIn } of PAGES) {
    const response = await (signedIn ? page.context().request : request).get(path);
    expect(response.status(), `${name} (${path})`).toBe(200);
    const html = await response.text();
    const file = testInfo.outputPath(`${name}.html`);
    await writeFile(file, html);
    files.set(file, name);
    for (const problem of outlineProblems(headingLevels(html))) outlines.push(`${name} (${path}): ${problem}`);
  }

  const errors = await validate([...files.keys()]);
  const byPage = errors.map((error) => {
    const name = [...files].find(([file]) => error.url?.endsWith(file))?.[1] ?? error.url;
    return `${name}, line ${error.lastLine ?? "?"}: ${error.message}${error.extract ? `\n    ${error.extract.trim()}` : ""}`;
  });
  const counts = [...files.values()].map(
    (name) => `${name} ${byPage.filter((line) => line.startsWith(`${name},`)).length}`,
  );
  console.log(`vnu errors per page: ${counts.join(", ")}`);
  expect(byPage, `vnu errors:\n${byPage.join("\n")}`).toEqual([]);
  expect(outlines, `heading outlines:\n${outlines.join("\n")}`).toEqual([]);
});
