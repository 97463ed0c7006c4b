import { describe, expect, it } from "vitest";
import { progressLine, startProgress } from "./progress";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe("progress", () => {
  it("says the count, the rate and the time left", () => {
    expect(progressLine("Seeding", 10_000, 50_000, 5_000, true)).toBe(
      "Seeding [######......................] 10,000/50,000 · 2,000/s · 20 s left",
    );
    expect(progressLine("Seeding", 1_000, 50_000, 5_000, false)).toBe("Seeding 1,000/50,000 · 200/s · 4 min 5 s left");
  });

  it("redraws one line on a terminal, and writes a plain line every five seconds elsewhere", () => {
    let clock = 0;
    const terminal = fakeStream(true);
    const onTerminal = startProgress("Seeding", 3000, terminal.stream, () => clock);
    for (let step = 0; step < 3; step += 1) {
      clock += 1000;
      onTerminal.advance(1000);
    }
    onTerminal.finish();
    expect(terminal.written).toHaveLength(4);
    expect(terminal.written[0]!.startsWith("\rSeeding [")).toBe(true);

    clock = 0;
    const log = fakeStream(false);
    const inLog = startProgress("Seeding", 20_000, log.stream, () => clock);
    for (let step = 0; step < 20; step += 1) {
      clock += 1000;
      inLog.advance(1000);
    }
    expect(log.written).toHaveLength(4);
    expect(log.written.every((line) => line.endsWith(" left\n") && !line.includes("["))).toBe(true);
    clock += 500;
    inLog.finish();
    expect(log.written).toHaveLength(5);
    expect(log.written[4]).toBe("Seeding 20,000/20,000 · 976/s · 0 s left\n");
  });
});
