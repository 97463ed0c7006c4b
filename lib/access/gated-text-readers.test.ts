// Only one module loads an article's gated part: lib/access/read-article.ts,
// and only for a "full" decision. This test reads the source of the app, its
// components, lib, the server and the scripts, and fails when any other
// module loads the gated part or the whole body, by Prisma (select, omit) or
// by raw SQL. The Prisma client leaves both out of every query that does not
// name them (lib/db/prisma.ts), so naming them is the only way to load them.
//
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Besides the read module, these may, each for the reason given:
const ALLOWED: Record<string, string> = {
  "lib/access/read-article.ts": "the one read of article text: the gated part for a full decision only",
  // The newsroom's editor modules load the whole body for editors: each of
  // their exported functions starts with assertRole(actor, "editor") (and
  // their routes and pages with withRole / requireRole).
  "lib/newsroom/articles/editable-article.ts": "the editor: the whole body, behind the editor role check",
  "lib/newsroom/articles/article-revisions.ts": "revisions in the editor, behind the editor role check",
  "lib/articles/recut-articles.ts": "the backfill at start-up: reads bodies to cut them, shows nothing to anyone",
  "lib/articles/stored-cut.ts": "names the stored parts' columns for writers; reads nothing",
  "lib/db/prisma.ts": "the global omit that hides the body and the gated part",
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "components", "lib", "server", "scripts", "proxy.ts", "instrumentation.ts"];
const SKIPPED = [/^lib\/db\/generated\//, /\.test\.tsx?$/, /\.spec\.tsx?$/, /(^|\/)node_modules\//];
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    const full = path.join(ROOT, relative);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      return; // server/ may not exist yet
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full)) walk(path.posix.join(relative, entry));
    } else if (SOURCE.test(relative) && !SKIPPED.some((pattern) => pattern.test(relative))) {
      files.push(relative);
    }
  };
  SCANNED.forEach(walk);
  return files;
}

/** Comments removed (a `//` after a colon, as in a URL, is kept). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

/** The text of string and template literals that read as SQL, with `${...}` interpolations blanked. */
function sqlLiterals(source: string): string[] {
  const literals = source.match(/`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g) ?? [];
  return literals
    .map((literal) => literal.replace(/\$\{[^}]*\}/g, "$$"))
    .filter((literal) => /\b(SELECT|UPDATE|INSERT|RETURNING|FROM)\b/.test(literal));
}

/** Why `source` loads the gated part or the body, or nothing when it does not. */
function gatedTextLoads(source: string): string[] {
  const code = withoutComments(source);
  const found: string[] = [];
  // Prisma: a select or an omit names the field with true or false. (The
  // read module hands the gated part on as `gatedMarkdown`; using that value
  // is not loading it.)
  if (/\bgatedMarkdown\s*:\s*(true|false)\b/.test(code)) found.push("selects or un-omits `gatedMarkdown` with Prisma");
  if (/\bbody\s*:\s*(true|false)\b/.test(code)) found.push("selects or un-omits `body` with Prisma");
  // SQL: the column's name appears only in SQL.
  if (/\bgated_markdown\b/.test(code)) found.push("names the column gated_markdown");
  for (const sql of sqlLiterals(code)) {
    // Writing a body names it too: column lists of INSERT and of unnest aliases are not reads.
    const reads = sql.replace(/INSERT\s+INTO\s+\w+\s*\([^)]*\)/gi, "").replace(/\bAS\s+\w+\s*\([^)]*\)/gi, "");
    if (/\bbody\b/.test(reads)) found.push(`reads \`body\` in SQL: ${sql.slice(0, 80)}`);
    const aliases = [...sql.matchAll(/\barticles\s+(?:AS\s+)?([a-z_]\w*)\b/gi)]
      .map((match) => match[1]!)
      .filter((alias) => !/^(SET|WHERE|ON|USING|JOIN|ORDER|GROUP|LIMIT|VALUES|RETURNING)$/i.test(alias));
    const star = /SELECT\s+\*\s+FROM\s+articles\b/i.test(sql) || aliases.some((alias) => sql.includes(`${alias}.*`));
    if (star) found.push(`selects every column of articles: ${sql.slice(0, 80)}`);
  }
  return found;
}

describe("the check itself", () => {
  it.each([
    ["a Prisma select of the body", "db().article.findMany({ select: { id: true, body: true } })"],
    ["a Prisma un-omit", "db().article.findFirst({ omit: { body: false } })"],
    ["the gated part by Prisma", "db().article.findMany({ select: { gatedMarkdown: true } })"],
    ["the gated part by SQL", "db().$queryRaw`SELECT gated_markdown FROM articles`"],
    ["the body by SQL", "client.query('SELECT a.id, a.body FROM articles a WHERE a.id = $1')"],
    ["the body in a function call", "db().$queryRaw`SELECT ts_headline('english', body, q) FROM articles`"],
    ["every column", 'client.query("SELECT * FROM articles")'],
    ["every column by alias", "db().$queryRaw`SELECT a.* FROM articles a JOIN tags t ON true`"],
  ])("finds %s", (_label, source) => {
    expect(gatedTextLoads(source)).not.toEqual([]);
  });

  it.each([
    ["a request body", "const body = await request.json(); return fetch(url, { body: JSON.stringify(body) });"],
    ["an insert of a body", "client.query(`INSERT INTO articles (slug, body) VALUES ($1, $2)`, [slug, body])"],
    [
      "an insert from unnest",
      "`INSERT INTO articles (slug, body) SELECT a.* FROM unnest($1::text[], $2::text[]) AS a(slug, body)`",
    ],
    ["a body passed as a parameter", "db().$queryRaw`SELECT ts_headline('english', ${body}, q.query) FROM q`"],
    ["a comment", "// the body is never selected here: SELECT body FROM articles"],
  ])("passes %s", (_label, source) => {
    expect(gatedTextLoads(source)).toEqual([]);
  });
});

describe("loading the gated part or the whole body", () => {
  it("happens in lib/access/read-article.ts and the modules allowed above, nowhere else", () => {
    const files = sourceFiles();
    expect(files).toContain("lib/access/read-article.ts");
    const offenders = files
      .filter((file) => !(file in ALLOWED))
      .flatMap((file) => gatedTextLoads(readFileSync(path.join(ROOT, file), "utf8")).map((why) => `${file}: ${why}`));
    expect(offenders).toEqual([]);
  });

  it("is what the allowed modules do (the list holds no stale entry)", () => {
    for (const file of Object.keys(ALLOWED)) {
      expect(gatedTextLoads(readFileSync(path.join(ROOT, file), "utf8")), file).not.toEqual([]);
    }
  });
});
