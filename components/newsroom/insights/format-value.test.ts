import { describe, expect, it } from "vitest";
import { formatValue, minorUnitsPerMajor, NO_VALUE } from "./format-value";

describe("formatValue", () => {
  it.each([
    [0, "0"],
    [1234, "1,234"],
    [1234567, "1,234,567"],
    [12.6, "13"],
    [-0.4, "0"],
    [-2500, "-2,500"],
  ])("counts %j as %j", (value, text) => {
    expect(formatValue(value, "count")).toBe(text);
  });

  it.each([
    [123456, "usd", "$1,234.56"],
    [123456, "USD", "$1,234.56"],
    [-1250, "eur", "-€12.50"],
    [1500, "jpy", "¥1,500"],
    [0, "gbp", "£0.00"],
  ])("shows %j minor units of %s as %j", (minor, currency, text) => {
    expect(formatValue(minor, "money", { currency })).toBe(text);
  });

  it("shows money without a currency as an amount with two decimals", () => {
    expect(formatValue(123456, "money")).toBe("1,234.56");
  });

  it.each([
    [0.382, "38.2%"],
    [0.38249, "38.2%"],
    [1, "100.0%"],
    [0, "0.0%"],
    [1.5, "150.0%"],
  ])("shows the fraction %j as %j", (fraction, text) => {
    expect(formatValue(fraction, "percent")).toBe(text);
  });

  it("shortens axis ticks: no zero decimals, compact from ten thousand", () => {
    expect(formatValue(9000, "count", { axis: true })).toBe("9,000");
    expect(formatValue(12_500, "count", { axis: true })).toBe("12.5K");
    expect(formatValue(2_000_000, "count", { axis: true })).toBe("2M");
    expect(formatValue(50_000, "money", { currency: "usd", axis: true })).toBe("$500");
    expect(formatValue(250, "money", { currency: "usd", axis: true })).toBe("$2.50");
    expect(formatValue(1_500_000, "money", { currency: "usd", axis: true })).toBe("$15K");
    expect(formatValue(0.05, "percent", { axis: true })).toBe("5%");
    expect(formatValue(0.025, "percent", { axis: true })).toBe("2.5%");
  });

  it("shows a missing value as a dash, and text as it is", () => {
    expect(formatValue(null, "count")).toBe(NO_VALUE);
    expect(formatValue(undefined, "money", { currency: "usd" })).toBe(NO_VALUE);
    expect(formatValue(Number.NaN, "percent")).toBe(NO_VALUE);
    expect(formatValue(Infinity, "count")).toBe(NO_VALUE);
    expect(formatValue("Dec 10", "count")).toBe("Dec 10");
    expect(formatValue(42, "text")).toBe("42");
  });
});

describe("minorUnitsPerMajor", () => {
  it("follows the currency's decimals", () => {
    expect(minorUnitsPerMajor("usd")).toBe(100);
    expect(minorUnitsPerMajor("JPY")).toBe(1);
    expect(minorUnitsPerMajor("kwd")).toBe(1000);
  });
});
