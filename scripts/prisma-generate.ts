// Runs `prisma generate` offline. The Prisma CLI otherwise tries to download
// its schema engine, which generate does not need; any executable satisfies
// the check, and Node itself is one on every machine. Records which schema
// it generated from (see scripts/lib/ensure-prisma-client.ts).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { schemaHash } from "./lib/schema-hash";

const root = path.resolve(import.meta.dirname, "..");
const result = spawnSync("npx", ["prisma", "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (result.status === 0) writeFileSync(path.join(root, "lib", "db", "generated", ".schema-hash"), schemaHash(root));
process.exit(result.status ?? 1);
