// `npm run admin:add -- someone@example.org [--role editor]`: makes a person
// an admin (or an editor) from the command line, which is how a new
// installation gets its first admin. They sign in with that address as usual.
// Uses what `npm start` uses: DATABASE_URL, or the embedded database.
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "../lib/config/env";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { openDatabase } from "../lib/db/open-database";

const USAGE = `Usage: npm run admin:add -- <email> [--role admin|editor]\n`;

function fail(message: string): never {
  process.stderr.write(`admin:add: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions(): { email: string; role: "admin" | "editor" } {
  try {
    const { values, positionals } = parseArgs({
      options: { role: { type: "string", default: "admin" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) fail("give exactly one email address");
    if (values.role !== "admin" && values.role !== "editor")
      fail(`--role must be admin or editor, got "${values.role}"`);
    return { email: positionals[0]!, role: values.role };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

const options = parseOptions();
const settings = parseEnv(process.env);
const dataDir = path.resolve(import.meta.dirname, "..", settings.FOLIO_DATA_DIR);
const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir });
try {
  await migrateDatabase(database.url, { previewParagraphs: settings.PREVIEW_PARAGRAPHS });
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is known: the Prisma client reads it once.
  const { changeRole } = await import("../lib/newsroom/change-role");
  const { COMMAND_LINE } = await import("../lib/auth/actor");
  const result = await changeRole(COMMAND_LINE, { email: options.email, role: options.role, createIfMissing: true });
  switch (result.kind) {
    case "invalid-email":
      fail(`"${options.email}" is not a valid email address`);
    case "changed":
      console.log(
        `${options.email} is now ${result.to === "admin" ? "an admin" : "an editor"}${result.created ? " (new account; they sign in with this address)" : ""}.`,
      );
      break;
    case "unchanged":
      console.log(
        `${options.email} already is ${result.role === "admin" ? "an admin" : `a${result.role === "editor" ? "n" : ""} ${result.role}`}; nothing changed.`,
      );
      break;
    default:
      fail(`unexpected result ${result.kind}`);
  }
} finally {
  const { db } = await import("../lib/db/prisma");
  await db()
    .$disconnect()
    .catch(() => {});
  await database.close();
}
process.exit(0);
