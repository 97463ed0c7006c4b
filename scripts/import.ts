// `npm run import -- <file> [--dry-run] [--drafts skip|import] [--map mapping.json] [--report report.json]`:
// moves a publication in from Ghost (JSON export), WordPress (WXR) or
// Substack (zip), or imports its readers from a members CSV (Ghost or
// Substack). What the file is comes from its content. Uses what `npm start`
// uses: DATABASE_URL, or the embedded database. docs/importing.md.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "../lib/config/env";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { openDatabase } from "../lib/db/open-database";
import { startProgress, type Progress } from "./lib/progress";

const USAGE = `Usage: npm run import -- <file> [options]

  <file>           a Ghost export (.json), a WordPress export (.xml), a
                   Substack export (.zip), or a members CSV (Ghost, Substack)
  --dry-run        check the file and report what would be done; write nothing
  --drafts <what>  skip (default) or import drafts, as drafts
  --map <file>     JSON naming tags that are regions, and tags to leave out:
                   {"regions": ["europe"], "skip": ["newsletter"]}
  --images <path>  a folder or a zip holding the posts' images: they are
                   loaded into the media library (without it, images stay
                   links to where they were; nothing is downloaded)
  --send-welcome   members: send imported subscribers the welcome email
                   (by default imported readers get no email)
  --report <file>  where to write the JSON report (default
                   import-report-<time>.json in the current folder)
`;

type Options = {
  file: string;
  dryRun: boolean;
  drafts: "skip" | "import";
  map?: string;
  images?: string;
  sendWelcome: boolean;
  report: string;
};

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions(): Options {
  try {
    const { values, positionals } = parseArgs({
      options: {
        "dry-run": { type: "boolean", default: false },
        drafts: { type: "string", default: "skip" },
        map: { type: "string" },
        images: { type: "string" },
        "send-welcome": { type: "boolean", default: false },
        report: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    if (positionals.length !== 1) fail("give exactly one file to import");
    if (values.drafts !== "skip" && values.drafts !== "import")
      fail(`--drafts must be skip or import, got "${values.drafts}"`);
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    return {
      file: path.resolve(positionals[0]!),
      dryRun: values["dry-run"],
      drafts: values.drafts,
      map: values.map ? path.resolve(values.map) : undefined,
      images: values.images ? path.resolve(values.images) : undefined,
      sendWelcome: values["send-welcome"],
      report: path.resolve(values.report ?? `import-report-${stamp}.json`),
    };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/** A bar fed with the count done so far (the importers report totals, the bar takes steps). */
function progressBar(label: string) {
  let progress: Progress | undefined;
  let shown = 0;
  return {
    update(done: number, total: number) {
      progress ??= startProgress(label, total);
      progress.advance(done - shown);
      shown = done;
    },
    finish: () => progress?.finish(),
  };
}

const options = parseOptions();
const settings = parseEnv(process.env);
const dataDir = path.resolve(import.meta.dirname, "..", settings.FOLIO_DATA_DIR);
const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir });
let exitCode = 0;
try {
  // Before anything reads the settings through env(): they are parsed once.
  process.env.DATABASE_URL = database.url;
  await migrateDatabase(database.url, { previewParagraphs: settings.PREVIEW_PARAGRAPHS });
  // Imported after DATABASE_URL is known: the Prisma client reads it once.
  const { COMMAND_LINE } = await import("../lib/auth/actor");
  const { ImportFileError } = await import("../lib/import/import-source");
  const { detectImportFile, importPosts, reportSummary } = await import("../lib/import/run-import");
  const { readImportMapping } = await import("../lib/import/import-mapping");
  const { openImageSource } = await import("../lib/import/image-source");
  const { importMembers, membersReportSummary } = await import("../lib/import/members/import-members");
  try {
    const detected = await detectImportFile(options.file).catch(() => fail(`cannot read ${options.file}`));
    let summary: string;
    let report: unknown;
    if (detected.kind === "unknown") throw new ImportFileError(detected.message);
    if (detected.kind === "members") {
      const members = await importMembers(options.file, {
        dryRun: options.dryRun,
        sendWelcome: options.sendWelcome,
        actor: COMMAND_LINE,
        onProgress: (done) => process.stdout.write(`readers: ${done.toLocaleString("en-US")} rows\n`),
      });
      summary = membersReportSummary(members);
      report = members;
    } else {
      const mapping = options.map ? await readImportMapping(options.map) : undefined;
      const images = options.images ? await openImageSource(options.images) : undefined;
      const progress = progressBar(options.dryRun ? "previewing" : "importing");
      const posts = await importPosts(options.file, {
        dryRun: options.dryRun,
        drafts: options.drafts,
        actor: COMMAND_LINE,
        format: detected.format,
        mapping,
        images,
        onProgress: ({ phase, done, total }) => {
          if (phase === "checking") {
            process.stdout.write(`checking the file: ${done.toLocaleString("en-US")} posts so far\n`);
            return;
          }
          progress.update(done, total);
        },
      });
      progress.finish();
      images?.close();
      summary = reportSummary(posts);
      report = posts;
    }
    writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\n${summary}\n\nThe full report: ${options.report}\n`);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    process.stderr.write(`import: ${error.message}\nNothing was imported.\n`);
    exitCode = 1;
  }
} finally {
  await database.close();
}
process.exit(exitCode);
