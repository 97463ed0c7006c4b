// The programs the end-to-end tests need from the system: Chromium (for
// Playwright; its own browser download is unreachable on these machines),
// nginx (for the two-server test) and Java (for the W3C HTML validator,
// e2e/html-validity.spec.ts). On a fresh Debian machine, run as root,
// `npm test` installs them with apt-get as .ci/run does (about 75 s once);
// anywhere else it says what is missing and how to install it.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { nginxBinary } from "./nginx";
import { runCommand } from "./run-command";

/** Where playwright.config.ts looks for Chromium. */
export const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function hasNginx(): boolean {
  try {
    nginxBinary();
    return true;
  } catch {
    return false;
  }
}

export async function ensureTestPrograms(root: string, log: (line: string) => void): Promise<void> {
  const hasJava = spawnSync("sh", ["-c", "command -v java"]).status === 0;
  const missing = [
    ...(existsSync(SYSTEM_CHROMIUM) ? [] : ["chromium"]),
    ...(hasNginx() ? [] : ["nginx"]),
    ...(hasJava ? [] : ["openjdk-17-jre-headless"]),
  ];
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!canInstall) {
    log(
      `not installed: ${missing.join(", ")}; install them (Debian: sudo apt-get install -y ${missing.join(" ")}) or set CHROMIUM_PATH / NGINX_PATH`,
    );
    return;
  }
  log(`installing ${missing.join(", ")} with apt-get (once per machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const updated = await runCommand("apt-get", ["update", "-qq"], { cwd: root, env });
  const installed =
    updated === 0 ? await runCommand("apt-get", ["install", "-y", "-qq", ...missing], { cwd: root, env }) : updated;
  if (installed !== 0)
    log(
      `apt-get could not install ${missing.join(" ")} (exit ${installed}); the end-to-end tests that need them will fail`,
    );
}
