// Regenerates the Prisma client when schema.prisma changed since it was last
// generated (after a pull, without `npm install`): the build would otherwise
// fail on models the client does not know yet.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runCommand } from "./run-command";
import { schemaHash } from "./schema-hash";

export async function ensurePrismaClient(root: string, log: (line: string) => void): Promise<void> {
  const marker = path.join(root, "lib", "db", "generated", ".schema-hash");
  if (existsSync(marker) && readFileSync(marker, "utf8") === schemaHash(root)) return;
  log("generating the Prisma client (schema.prisma changed)");
  const code = await runCommand("npx", ["tsx", "scripts/prisma-generate.ts"], { cwd: root });
  if (code !== 0) throw new Error(`prisma generate failed with exit code ${code}`);
}
