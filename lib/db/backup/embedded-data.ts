// Where the embedded database keeps its files, and whether a running Folio
// holds them (PGlite must only ever be opened by one process).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export function embeddedPaths(dataDir: string): { folder: string; pgdata: string; lock: string } {
  const folder = path.resolve(dataDir, "postgres");
  return { folder, pgdata: path.join(folder, "pgdata"), lock: path.join(folder, "folio-embedded.json") };
}

export function embeddedInUse(dataDir: string): boolean {
  const { lock } = embeddedPaths(dataDir);
  if (!existsSync(lock)) return false;
  try {
    const { pid } = JSON.parse(readFileSync(lock, "utf8")) as { pid: number };
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
