import { describe, expect, it } from "vitest";
import { giftIsLive, giftRefusal, type GiftRow } from "./gift-refusal";

const now = new Date("2026-12-10T12:00:00Z");
const live: GiftRow = {
  expiresAt: new Date("2027-01-09T12:00:00Z"),
  revokedAt: null,
  maxBrowsers: 2,
  browsers: 1,
};

describe("giftRefusal", () => {
  it.each<[string, GiftRow, boolean, ReturnType<typeof giftRefusal>]>([
    ["a browser that opened it reads", live, true, null],
    ["a new browser may open it while there is room", live, false, "not-opened"],
    ["a new browser is refused once it is full", { ...live, browsers: 2 }, false, "full"],
    ["a browser that opened it still reads when it is full", { ...live, browsers: 2 }, true, null],
    ["revoked: refused to every browser", { ...live, revokedAt: now }, true, "revoked"],
    ["expired at this very moment", { ...live, expiresAt: now }, true, "expired"],
    ["expired and full: the end is the reason", { ...live, expiresAt: now, browsers: 2 }, false, "expired"],
    ["revoked and expired: the revocation is the reason", { ...live, expiresAt: now, revokedAt: now }, true, "revoked"],
  ])("%s", (_name, gift, openedHere, expected) => {
    expect(giftRefusal(gift, openedHere, now)).toBe(expected);
  });

  it("counts a gift live until its last millisecond", () => {
    expect(giftIsLive(live, new Date(live.expiresAt.getTime() - 1))).toBe(true);
    expect(giftIsLive(live, live.expiresAt)).toBe(false);
    expect(giftIsLive({ ...live, revokedAt: now }, now)).toBe(false);
  });
});
