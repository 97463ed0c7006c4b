// Identifies a version of prisma/schema.prisma.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export function schemaHash(root: string): string {
  return createHash("sha256")
    .update(readFileSync(path.join(root, "prisma", "schema.prisma")))
    .digest("hex");
}
