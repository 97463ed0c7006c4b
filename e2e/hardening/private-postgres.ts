// A PostgreSQL cluster of the test's own, made with the Debian server
// binaries in a temporary folder on a spare port, so that it can be stopped
// and started at will: the machine's shared server is never touched. As
// root (CI) the cluster runs as the postgres system user, since PostgreSQL
// refuses to run as root.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

export type PrivatePostgres = {
  port: number;
  url(database: string): string;
  /** Asynchronous, so that the test's own requests go on while PostgreSQL stops and starts. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
};

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const major = existsSync(root)
    ? readdirSync(root)
        .filter((entry) => existsSync(path.join(root, entry, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!major) throw new Error("the PostgreSQL server binaries are missing: apt-get install postgresql");
  return path.join(root, major, "bin");
}

export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = binDir();
  const folder = mkdtempSync(path.join(tmpdir(), "folio-pg-"));
  const data = path.join(folder, "data");
  const asRoot = userInfo().uid === 0;
  const runAs = async (program: string, args: string[]): Promise<void> => {
    const [command, commandArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
    await promisify(execFile)(command, commandArgs, { timeout: 120_000 });
  };
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(folder, uid, gid);
  }
  await runAs(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const pgCtl = (...args: string[]) =>
    runAs(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(folder, "server.log"), ...args]);
  const cluster: PrivatePostgres = {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: () => pgCtl("-o", options, "-w", "start"),
    stop: () => pgCtl("-m", "fast", "-w", "stop"),
    async destroy() {
      await cluster.stop().catch(() => {
        // Already stopped.
      });
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
