// Starts `next start` in its own process group: killing only its PID would
// leave the next-server child running, so it is stopped group-wide.
import { spawn, type ChildProcess } from "node:child_process";

export type NextServer = { child: ChildProcess; stop(): void; exited: Promise<number> };

export function startNextServer(root: string, port: number, env: NodeJS.ProcessEnv): NextServer {
  const child = spawn("npx", ["next", "start", "--port", String(port)], {
    cwd: root,
    stdio: "inherit",
    detached: true,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
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
