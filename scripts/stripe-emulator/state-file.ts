// Keeps the emulator's state in a JSON file so that a restarted `npm start`
// still knows the customers and subscriptions the app's database points at.
// Writes go to a temporary file first and are renamed into place, so a crash
// mid-write never leaves half a file behind.
import fs from "node:fs";
import path from "node:path";
import { emptyState, type EmulatorState } from "./emulator-state";

export function loadState(file: string): EmulatorState {
  if (!fs.existsSync(file)) return emptyState();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Stripe emulator: cannot read its state file ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || (parsed as { version?: unknown }).version !== 1) {
    throw new Error(`Stripe emulator: ${file} is not a state file it wrote (expected "version": 1)`);
  }
  // Fields added after the file was written start empty.
  return { ...emptyState(), ...(parsed as EmulatorState) };
}

export function saveState(file: string, state: EmulatorState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(state));
  fs.renameSync(temporary, file);
}
