import { expect, it } from "vitest";
import { addressRanges, organisationsIn } from "./address-organisations";

const period = (start: string, end: string) => ({ startsAt: new Date(start), endsAt: new Date(end) });

it("finds the organisation whose range holds an address, IPv4 (also as ::ffff:) and IPv6", () => {
  const acme = period("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
  const other = period("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  const ranges = addressRanges([
    { range: "93.184.0.0/16", ...other },
    { range: "81.2.69.0/24", ...acme },
    { range: "81.2.70.7/32", ...other },
    { range: "2a02:c7f:7e13::/48", ...acme },
  ]);
  expect(ranges.v4.map((range) => range.first)).toEqual(["51024500", "51024607", "5db80000"]);
  expect(organisationsIn(ranges, "81.2.69.200")).toEqual([acme]);
  expect(organisationsIn(ranges, "::ffff:81.2.69.200")).toEqual([acme]);
  expect(organisationsIn(ranges, "2a02:c7f:7e13:ffff::1")).toEqual([acme]);
  expect(organisationsIn(ranges, "81.2.70.7")).toEqual([other]);
  for (const outside of ["81.2.70.8", "2a02:c7f:7e14::1", "127.0.0.1", "::1", "unknown", undefined]) {
    expect(organisationsIn(ranges, outside)).toEqual([]);
  }
});
