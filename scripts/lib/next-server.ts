// Starts the web server (scripts/serve.ts) in its own process group, so that
// stopping it also stops anything Next.js started beside it.
import { spawn, type ChildProcess } from "node:child_process";
import { serverNodeOptions } from "./server-node-options";

export type NextServer = { child: ChildProcess; stop(): void; exited: Promise<number> };

export function startNextServer(root: string, port: number, env: NodeJS.ProcessEnv): NextServer {
  const child = spawn("npx", ["tsx", "scripts/serve.ts"], {
    cwd: root,
    stdio: "inherit",
    detached: true,
    env: {
      ...env,
      PORT: String(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: serverNodeOptions(env),
    },
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
