// With no AUTH_SECRET set, `npm start` makes one and keeps it in the data
// folder, so sessions and sign-in links survive a restart. Production sets
// AUTH_SECRET itself.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function localAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function randomAuthSecret(): string {
  return randomBytes(48).toString("base64url");
}
