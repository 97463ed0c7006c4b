// A Folio web server of a test's own (server/main.ts, the production build),
// on its own port and database, logging to the run's log folder.
import { spawn } from "node:child_process";
import path from "node:path";
import { serverProcess } from "../../server/server-process";

export type AppServer = { url: string; stop(): Promise<void> };

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Whether anything answers HTTP on the port. */
function answers(url: string): Promise<boolean> {
  return fetch(`${url}/api/health`).then(
    () => true,
    () => false,
  );
}

export async function startAppServer(name: string, port: number, env: Record<string, string>): Promise<AppServer> {
  const url = `http://localhost:${port}`;
  // A server left behind by an interrupted run (they are detached, so they
  // outlive it) would answer in this one's place, with other settings.
  if (await answers(url))
    throw new Error(`port ${port} for the ${name} server is taken: a server left by another run?`);
  const logDir = process.env.FOLIO_TEST_LOG_DIR;
  const server = serverProcess({
    ...process.env,
    // Every test browser is 127.0.0.1, and the run's sign-ins add up in the
    // shared database over the limit's window: raised as on the run's own
    // server (playwright.config.ts). The limit is tested in
    // test/integration/sign-in-requests.test.ts.
    SIGNIN_LIMIT_PER_IP: "100000",
    SIGNIN_LIMIT_PER_IP_CONFIRMED: "100000",
    INSTANT_ACCESS_LIMIT_PER_IP: "100000",
    PORT: String(port),
    ...(logDir ? { FOLIO_LOG_FILE: path.join(logDir, `${name}.log`) } : {}),
    ...env,
  });
  const child = spawn(server.command, server.args, { cwd: ROOT, detached: true, stdio: "ignore", env: server.env });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${name} server exited with ${child.exitCode}`);
    if (await answers(url)) break;
    if (Date.now() > deadline) throw new Error(`the ${name} server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Gone meanwhile.
        }
      }
    },
  };
}
