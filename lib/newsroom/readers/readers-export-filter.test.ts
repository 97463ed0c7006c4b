import { describe, expect, it } from "vitest";
import { matchesExportFilter, parseReadersExportFilter, type ReadersExportFilter } from "./readers-export-filter";

const parse = (query: string) => parseReadersExportFilter(new URLSearchParams(query));
const everyone: ReadersExportFilter = { plan: "all", newsletter: "any", from: null, to: null };

describe("parseReadersExportFilter", () => {
  it("reads nothing, or the form's empty fields, as everyone", () => {
    expect(parse("")).toEqual({ ok: true, filter: everyone });
    expect(parse("plan=&newsletter=&from=&to=")).toEqual({ ok: true, filter: everyone });
    expect(parse("other=1")).toEqual({ ok: true, filter: everyone });
  });

  it("reads every field", () => {
    expect(parse("plan=comp&newsletter=daily_review&from=2026-01-01&to=%202026-12-31%20")).toEqual({
      ok: true,
      filter: { plan: "comp", newsletter: "daily_review", from: "2026-01-01", to: "2026-12-31" },
    });
    expect(parse("from=2026-02-28&to=2026-02-28")).toMatchObject({ ok: true });
    expect(parse("from=1970-01-01&to=2020-01-01")).toMatchObject({ ok: true });
    expect(parse("newsletter=none&plan=subscriber")).toMatchObject({
      ok: true,
      filter: { plan: "subscriber", newsletter: "none" },
    });
  });

  it.each([
    ["plan=gold", "Plan must be one of: all, subscriber, comp, free."],
    ["plan=Subscriber", "Plan must be one of: all, subscriber, comp, free."],
    ["newsletter=monthly", "Newsletter must be one of: any, none, free, daily_review, weekly_review."],
    [
      "from=2026-02-30",
      "The first sign-up day must be a date on the calendar, written YYYY-MM-DD (such as 2026-12-01).",
    ],
    ["to=31/12/2026", "The last sign-up day must be a date on the calendar, written YYYY-MM-DD (such as 2026-12-01)."],
    ["to=2026-1-5", "The last sign-up day must be a date on the calendar, written YYYY-MM-DD (such as 2026-12-01)."],
    [
      "from=yesterday",
      "The first sign-up day must be a date on the calendar, written YYYY-MM-DD (such as 2026-12-01).",
    ],
    ["from=0001-01-01", "The first sign-up day must fall between 1970-01-01 and 2100-12-31."],
    ["to=9999-12-31", "The last sign-up day must fall between 1970-01-01 and 2100-12-31."],
    ["from=2026-12-02&to=2026-12-01", "The first sign-up day (2026-12-02) is after the last (2026-12-01)."],
    ["from=1970-01-01&to=2020-01-02", "Choose sign-up days at most 50 years apart, or leave one of them empty."],
    ["plan=comp&plan=free", "Give plan once."],
    ["from=2026-01-01&from=2026-02-01", "Give from once."],
  ])("refuses %s with a sentence", (query, message) => {
    expect(parse(query)).toEqual({ ok: false, message });
  });

  it("does not echo a long or hostile value back", () => {
    const result = parse(`from=${encodeURIComponent("<script>".repeat(10_000))}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain("<script>");
  });
});

describe("matchesExportFilter", () => {
  const reader = (plan: "monthly" | "annual" | "other-plan" | "comp" | "free", newsletters = [] as never[]) => ({
    plan,
    newsletters,
  });

  it("counts every paid plan as a subscriber, and comp and free as themselves", () => {
    const plans = ["monthly", "annual", "other-plan", "comp", "free"] as const;
    const matching = (plan: ReadersExportFilter["plan"]) =>
      plans.filter((candidate) => matchesExportFilter({ ...everyone, plan }, reader(candidate)));
    expect(matching("all")).toEqual(plans);
    expect(matching("subscriber")).toEqual(["monthly", "annual", "other-plan"]);
    expect(matching("comp")).toEqual(["comp"]);
    expect(matching("free")).toEqual(["free"]);
  });

  it("matches a newsletter received, none, or any", () => {
    const both = { plan: "annual" as const, newsletters: ["free" as const, "weekly_review" as const] };
    const none = { plan: "free" as const, newsletters: [] };
    expect(matchesExportFilter({ ...everyone, newsletter: "weekly_review" }, both)).toBe(true);
    expect(matchesExportFilter({ ...everyone, newsletter: "daily_review" }, both)).toBe(false);
    expect(matchesExportFilter({ ...everyone, newsletter: "none" }, both)).toBe(false);
    expect(matchesExportFilter({ ...everyone, newsletter: "none" }, none)).toBe(true);
    expect(matchesExportFilter({ ...everyone, newsletter: "any" }, none)).toBe(true);
  });
});
