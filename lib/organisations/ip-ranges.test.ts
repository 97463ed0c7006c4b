import { describe, expect, it } from "vitest";
import { addressKey, overlapWithin, parseIpRange, rangeHolding, rangesOverlap, type IpRange } from "./ip-ranges";

const range = (text: string): IpRange => {
  const parsed = parseIpRange(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.range;
};

describe("parseIpRange", () => {
  it.each([
    ["81.2.69.0/24", "81.2.69.0/24", "51024500", "510245ff"],
    [" 81.2.69.160/27 ", "81.2.69.160/27", "510245a0", "510245bf"],
    ["81.2.69.7", "81.2.69.7/32", "51024507", "51024507"],
    ["8.0.0.0/8", "8.0.0.0/8", "08000000", "08ffffff"],
    [
      "2a02:c7f:7e13::/48",
      "2a02:c7f:7e13::/48",
      "2a020c7f7e1300000000000000000000",
      "2a020c7f7e13ffffffffffffffffffff",
    ],
    ["2A02:0C7F:0000::1", "2a02:c7f::1/128", "2a020c7f000000000000000000000001", "2a020c7f000000000000000000000001"],
  ])("reads %s as %s", (text, cidr, first, last) => {
    expect(range(text)).toEqual({ cidr, family: cidr.includes(":") ? 6 : 4, first, last });
  });

  it.each([
    [
      "81.2.69.77/24",
      "has host bits set: for the whole range write 81.2.69.0/24, for that one address write 81.2.69.77 alone",
    ],
    ["2a02:c7f::1/32", "has host bits set: for the whole range write 2a02:c7f::/32"],
    ["81.2.69.0/33", "an IPv4 prefix length is at most 32"],
    ["2a02:c7f::/129", "an IPv6 prefix length is at most 128"],
    ["0.0.0.0/0", "is too wide"],
    ["64.0.0.0/2", "is too wide"],
    ["2000::/3", "is too wide"],
    ["10.0.0.0/8", "is not a public address range (it is private)"],
    ["127.0.0.1", "is not a public address range (it is loopback)"],
    ["192.168.1.0/24", "is not a public address range (it is private)"],
    ["198.51.100.0/24", "is not a public address range (it is reserved)"],
    ["::1", "is not a public address range (it is loopback)"],
    ["fe80::/64", "is not a public address range (it is linkLocal)"],
    ["::ffff:81.2.69.1", "is an IPv4 address written as IPv6: write it as IPv4 (81.2.69.1)"],
  ])("refuses %s: %s", (text, message) => {
    const parsed = parseIpRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it.each([
    "",
    "81.2.69",
    "81.2.69.0/",
    "81.2.69.0/24/8",
    "81.2.69.256",
    "0x51.2.69.0",
    "81.2.69.0/x",
    "81.2.69.0/-1",
    "*.2.69.0",
    "fe80::1%eth0",
    "2a02:c7f:::1",
    "a".repeat(10_000),
  ])("refuses %j as malformed", (text) => {
    const parsed = parseIpRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(/is not an IP range/);
      expect(parsed.message.length).toBeLessThan(300);
    }
  });
});

describe("overlaps", () => {
  it("finds ranges that share an address, within a family only", () => {
    expect(rangesOverlap(range("81.2.0.0/16"), range("81.2.69.0/24"))).toBe(true);
    expect(rangesOverlap(range("81.2.69.0/25"), range("81.2.69.128/25"))).toBe(false);
    expect(rangesOverlap(range("81.2.69.7"), range("81.2.69.0/24"))).toBe(true);
    expect(rangesOverlap(range("2a02:c7f::/32"), range("2a02:c7f:1::/48"))).toBe(true);
    expect(
      overlapWithin([range("81.2.69.0/25"), range("2a02:c7f::/32"), range("81.2.69.64/26")])?.map((r) => r.cidr),
    ).toEqual(["81.2.69.0/25", "81.2.69.64/26"]);
    expect(overlapWithin([range("81.2.69.0/25"), range("81.2.69.128/25")])).toBeNull();
  });
});

describe("addressKey and rangeHolding", () => {
  const sorted = ["81.2.69.0/24", "81.2.70.7", "93.184.0.0/16"].map(range);

  it("reads an IPv4 client on a dual-stack socket as IPv4, and refuses what is no address", () => {
    expect(addressKey("::ffff:81.2.69.1")).toEqual({ family: 4, hex: "51024501" });
    expect(addressKey("2a02:c7f::5")?.family).toBe(6);
    for (const junk of [undefined, "", "unknown", "81.2.69.1, 10.0.0.1", "x".repeat(500)]) {
      expect(addressKey(junk)).toBeNull();
    }
  });

  it.each([
    ["81.2.69.0", "81.2.69.0/24"],
    ["81.2.69.255", "81.2.69.0/24"],
    ["81.2.70.7", "81.2.70.7/32"],
    ["81.2.70.8", null],
    ["93.184.216.34", "93.184.0.0/16"],
    ["81.2.68.255", null],
    ["1.1.1.1", null],
    ["255.255.255.255", null],
  ])("%s is in %s", (address, expected) => {
    expect(rangeHolding(sorted, addressKey(address)!.hex)?.cidr ?? null).toBe(expected);
  });
});
