// The PostgreSQL client programs a server backup needs (pg_dump, pg_restore),
// found on PATH or in Debian's /usr/lib/postgresql/<major>/bin, newest first.
// pg_dump refuses a server newer than itself, so the newest one is wanted.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export function findPgTool(name: "pg_dump" | "pg_restore" | "psql"): string {
  const debian = "/usr/lib/postgresql";
  const majors = existsSync(debian)
    ? readdirSync(debian)
        .filter((entry) => /^\d+$/.test(entry))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const candidate = path.join(debian, major, "bin", name);
    if (existsSync(candidate)) return candidate;
  }
  return name;
}

/** Runs a program; resolves with its stderr, rejects with it (and the exit code) on failure. */
export function run(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) =>
      reject(
        new Error(
          `${program} could not start: ${error.message}. Install the PostgreSQL client (apt-get install postgresql-client).`,
        ),
      ),
    );
    child.on("exit", (code) =>
      code === 0
        ? resolve(stderr)
        : reject(new Error(`${path.basename(program)} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** A libpq connection string: Prisma's own parameters (schema=...) removed. */
export function libpqUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.delete("schema");
  url.searchParams.delete("connection_limit");
  return url.toString();
}
