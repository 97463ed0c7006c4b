// The PostgreSQL client programs a server backup needs (pg_dump, pg_restore),
// found on PATH or in Debian's /usr/lib/postgresql/<major>/bin, newest first.
// pg_dump refuses a server newer than itself, so the newest one is wanted.
import { execFile, spawn } from "node:child_process";
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

/**
 * Runs a program; resolves with its stderr, rejects with it (and the exit
 * code) on failure. `onLine` sees each line of stderr as it comes (the
 * --verbose lines a progress bar counts).
 */
export function run(
  program: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"], env: options.env ?? process.env });
    let stderr = "";
    let partial = "";
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      if (!options.onLine) return;
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine(line);
    });
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

/** Runs a program and resolves with its standard output (small outputs: a table of contents). */
export function runForOutput(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`${path.basename(program)} failed: ${stderr.trim() || error.message}`))
        : resolve(stdout),
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
