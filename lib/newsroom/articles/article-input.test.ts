import { describe, expect, it } from "vitest";
import { parseArticleSave, parseOptionalVersion } from "./article-input";

const content = { title: "A headline", body: "Text." };

describe("the version a save names", () => {
  it.each([
    [1, 1],
    [42, 42],
    ["7", 7],
    [" 3 ", 3],
    [2_147_483_647, 2_147_483_647],
  ])("%o is version %i", (version, expected) => {
    const parsed = parseArticleSave({ ...content, version });
    expect(parsed.ok && parsed.value.version).toBe(expected);
  });

  it.each([
    undefined,
    null,
    "",
    " ",
    "x",
    "1x",
    "0x1",
    "1e3",
    "-1",
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2_147_483_648,
    "99999999999999999999",
    true,
    [1],
    { value: 1 },
  ])("%o is refused, against the version field", (version) => {
    const parsed = parseArticleSave({ ...content, version });
    expect(parsed).toEqual({ ok: false, fieldErrors: { version: expect.stringMatching(/^Send the version/) } });
  });

  it("is optional for publishing, but checked when given", () => {
    expect(parseOptionalVersion(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseOptionalVersion("")).toEqual({ ok: true, value: undefined });
    expect(parseOptionalVersion("4")).toEqual({ ok: true, value: 4 });
    expect(parseOptionalVersion(true).ok).toBe(false);
  });
});
