// MailDev, the local mail catcher used when no SMTP_URL is set: every email
// lands in its inbox (a web page, and a REST API at /api/email) instead of
// being delivered. It runs in its own process group because it spawns a
// child of its own.
import { spawn } from "node:child_process";
import path from "node:path";

export type MailDev = { smtpUrl: string; webUrl: string; stop(): void };

async function answers(webUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${webUrl}/api/email`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function startMailDev(root: string, ports: { smtp: number; web: number }): Promise<MailDev> {
  const smtpUrl = `smtp://127.0.0.1:${ports.smtp}`;
  const webUrl = `http://127.0.0.1:${ports.web}`;
  // One already running on these ports (a second `npm start`) is shared.
  if (await answers(webUrl)) return { smtpUrl, webUrl, stop() {} };

  const child = spawn(
    path.join(root, "node_modules", ".bin", "maildev"),
    [
      "--smtp",
      String(ports.smtp),
      "--web",
      String(ports.web),
      "--ip",
      "127.0.0.1",
      "--web-ip",
      "127.0.0.1",
      "--silent",
    ],
    { cwd: root, detached: true, stdio: "ignore" },
  );
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`MailDev exited with code ${child.exitCode} (ports ${ports.smtp}, ${ports.web} in use?)`);
    if (await answers(webUrl)) return { smtpUrl, webUrl, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error("MailDev did not start within 30 seconds");
}
