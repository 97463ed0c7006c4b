import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "./server-process";

describe("serverNodeOptions", () => {
  it("gives the web server a 256 MB heap unless FOLIO_HEAP_MB says otherwise", () => {
    expect(serverNodeOptions({})).toBe("--max-old-space-size=256");
    expect(serverNodeOptions({ FOLIO_HEAP_MB: "512" })).toBe("--max-old-space-size=512");
  });

  it("keeps the caller's own NODE_OPTIONS after it, so that theirs win", () => {
    expect(serverNodeOptions({ NODE_OPTIONS: "--max-old-space-size=1024 --trace-warnings" })).toBe(
      "--max-old-space-size=256 --max-old-space-size=1024 --trace-warnings",
    );
  });

  it("refuses a limit that is not a whole number of megabytes in range, saying which", () => {
    for (const value of ["lots", "100", "256.5", "-1"]) {
      expect(() => serverNodeOptions({ FOLIO_HEAP_MB: value })).toThrow(
        `FOLIO_HEAP_MB must be a whole number of megabytes from 192 to 65536 (it is "${value}")`,
      );
    }
  });
});
