import { describe, expect, it } from "vitest";
import { insightCounter } from "./insight-counter";
import { NO_ARTICLE } from "./insight-metrics";

describe("insightCounter", () => {
  it("counts each view on its day in the publication's time zone, around midnight and back", async () => {
    const written: unknown[] = [];
    const counter = insightCounter({ timeZone: "Europe/Paris", write: async (rows) => void written.push(...rows) });
    // 23:59:59 and 00:00:00 in Paris (UTC+1 in December), then an instant of the first day again.
    counter.add("view.anonymous", null, new Date("2026-12-06T22:59:59Z"));
    counter.add("view.anonymous", null, new Date("2026-12-06T23:00:00Z"));
    counter.add("view.anonymous", null, new Date("2026-12-06T12:00:00Z"));
    await counter.flush();
    expect(written).toEqual([
      { day: "2026-12-06", metric: "view.anonymous", articleId: NO_ARTICLE, count: 2 },
      { day: "2026-12-07", metric: "view.anonymous", articleId: NO_ARTICLE, count: 1 },
    ]);
  });

  it("writes nothing when nothing was counted", async () => {
    let writes = 0;
    const counter = insightCounter({ timeZone: "UTC", write: async () => void writes++ });
    await counter.flush();
    expect(writes).toBe(0);
  });
});
