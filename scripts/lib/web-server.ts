// Starts the web server (server/main.ts, compiled to dist/server/main.mjs) in
// its own process group, so that stopping it also stops anything Next.js
// started beside it.
import { spawn, type ChildProcess } from "node:child_process";
import { serverProcess } from "../../server/server-process";

export type WebServer = { child: ChildProcess; stop(): void; exited: Promise<number> };

export function startWebServer(root: string, port: number, env: NodeJS.ProcessEnv): WebServer {
  const server = serverProcess({ ...env, PORT: String(port) });
  const child = spawn(server.command, server.args, { cwd: root, stdio: "inherit", detached: true, env: server.env });
  const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 0)));
  return {
    child,
    exited,
    stop() {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    },
  };
}
