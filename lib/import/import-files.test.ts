// Which uploaded export files the import page's sweep removes.
import { describe, expect, it } from "vitest";
import { sweepable } from "./import-files";

const now = new Date("2026-12-10T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("sweepable", () => {
  it.each([
    ["a fresh partial upload", { partial: true, modified: ago(1) }, null, false],
    ["a partial upload a day old", { partial: true, modified: ago(25) }, null, true],
    ["a file no run owns, just written", { partial: false, modified: ago(0.1) }, null, false],
    ["a file no run owns, a day old", { partial: false, modified: ago(25) }, null, true],
    [
      "a run's file, six days old",
      { partial: false, modified: ago(144) },
      { createdAt: ago(144), active: false },
      false,
    ],
    [
      "a run's file, eight days old",
      { partial: false, modified: ago(192) },
      { createdAt: ago(192), active: false },
      true,
    ],
    [
      "a running run's file, eight days old",
      { partial: false, modified: ago(192) },
      { createdAt: ago(192), active: true },
      false,
    ],
  ])("%s", (_label, file, run, expected) => {
    expect(sweepable({ id: "x", ...file }, run, now)).toBe(expected);
  });
});
