// The production web server (dist/server/main.mjs) as the benchmarks run it:
// in a process group of its own, whose leader's pid is the server's (for
// sampling its memory), with jobs off and mail and Stripe settings that only
// need to parse. Shared by `npm run bench` and `npm run bench:lighthouse`.
import { spawn } from "node:child_process";
import { randomAuthSecret } from "../lib/auth-secret";
import { serverProcess } from "../../server/server-process";

export type AppProcess = { url: string; pid: number; stop(): Promise<void> };

export async function startApp(
  root: string,
  options: { port: number; databaseUrl: string; env?: Record<string, string> },
): Promise<AppProcess> {
  const server = serverProcess({
    ...process.env,
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: randomAuthSecret(),
    JOBS: "off",
    // Mail and Stripe are not used by the benchmarks; the settings only need to parse.
    SMTP_URL: "smtp://127.0.0.1:1",
    STRIPE_SECRET_KEY: "sk_test_bench",
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    ...options.env,
  });
  const child = spawn(server.command, server.args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: server.env,
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the app server did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    },
  };
}
