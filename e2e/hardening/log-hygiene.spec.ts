// Runs last: the logs of every server this test run started (the end-to-end
// server and the hardening tests' own) are JSON lines, requests carry a
// request id, and no line holds a reader's email address, a session token or
// an emailed token. The secrets are gathered from where they really are: the
// database (addresses, sessions) and the inbox (sign-in and account links).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { sql } from "../database";

const LOCAL_PART = /[A-Za-z0-9._%+-]{1,64}$/;
const DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/**
 * The first email address in a line, looked for from each "@": a pattern
 * run over the whole line takes time in the square of a long run of
 * letters (a fuzzed 15 KB path), minutes for a test run's logs.
 */
function emailIn(line: string): string | null {
  for (let at = line.indexOf("@"); at !== -1; at = line.indexOf("@", at + 1)) {
    const local = LOCAL_PART.exec(line.slice(Math.max(0, at - 64), at));
    const domain = DOMAIN.exec(line.slice(at + 1, at + 256));
    if (local && domain) return `${local[0]}@${domain[0]}`;
  }
  return null;
}

function logLines(): { file: string; line: string }[] {
  const dir = process.env.FOLIO_TEST_LOG_DIR;
  if (!dir) throw new Error("FOLIO_TEST_LOG_DIR is not set: run the end-to-end tests through `npm test`");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".log"))
    .flatMap((file) =>
      readFileSync(path.join(dir, file), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => ({ file, line })),
    );
}

async function secrets(): Promise<string[]> {
  const emails = (await sql<{ email: string }>("SELECT email FROM users")).map((row) => row.email);
  const sessions = (await sql<{ session_token: string }>("SELECT session_token FROM sessions")).map(
    (row) => row.session_token,
  );
  const inbox = (await (await fetch(`${process.env.MAILDEV_URL}/api/email`)).json()) as {
    to: { address: string }[];
    text: string;
  }[];
  const recipients = inbox.flatMap((mail) => mail.to.map((to) => to.address));
  const tokens = inbox.flatMap((mail) =>
    [...mail.text.matchAll(/[?&]token=([A-Za-z0-9_-]{16,})/g)].map((match) => match[1]!),
  );
  return [...new Set([...emails, ...recipients, ...sessions, ...tokens])].filter((secret) => secret.length >= 6);
}

test("the logs are JSON with request ids, and hold no address, session or emailed token", async () => {
  test.setTimeout(300_000);
  const lines = logLines();
  expect(lines.filter(({ file }) => file === "web.log").length).toBeGreaterThan(100);
  // Problems are gathered and asserted once: an expect() per line costs a
  // test step each, minutes for a whole run's logs.
  const problems: string[] = [];
  const requests = new Set<string>();
  for (const { file, line } of lines) {
    const problem = (what: string) => problems.push(`${file}: ${what}: ${line.slice(0, 300)}`);
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problem("a log line that is not JSON");
      continue;
    }
    if (typeof entry.time !== "string") problem("no time");
    if (!["info", "warn", "error"].includes(String(entry.level))) problem("no level");
    if (entry.event === "request") {
      if (!/^[0-9a-f]{16}$/.test(String(entry.requestId))) problem("a request without its id");
      requests.add(String(entry.requestId));
    }
    // Every error is traceable to its request, when it happened in one.
    if (
      entry.level === "error" &&
      entry.event !== "jobs" &&
      entry.event !== "console" &&
      entry.event !== "request-aborted"
    ) {
      if (entry.requestId == null) problem("an error without a request id");
    }
    const email = emailIn(line);
    if (email) problem(`an email address (${email})`);
  }
  expect(problems.slice(0, 20)).toEqual([]);
  expect(requests.size).toBeGreaterThan(100);
  // Every token-like run of characters in the logs, to look the secrets up in.
  const words = new Set(lines.flatMap(({ line }) => line.match(/[A-Za-z0-9_-]{6,}/g) ?? []));
  const found = (await secrets()).filter((secret) => !secret.includes("@") && words.has(secret));
  expect(
    found.map((secret) => `${secret.slice(0, 6)}…`),
    "secrets in the logs",
  ).toEqual([]);
});
