import { describe, expect, it } from "vitest";
import { csvRows } from "./csv";

describe("csvRows", () => {
  it("writes each row with CRLF, quoting only what needs it (RFC 4180)", () => {
    expect(
      csvRows([
        ["plain", "with, comma", 'with "quotes"', "two\nlines", "cr\r\nlf"],
        ["", null, undefined, "é ü 字", " spaced "],
      ]),
    ).toBe(
      'plain,"with, comma","with ""quotes""","two\nlines","cr\r\nlf"\r\n' + // first row
        ",,,é ü 字, spaced \r\n",
    );
  });

  it("is empty for no rows, and concatenates batches into one file", () => {
    expect(csvRows([])).toBe("");
    expect(csvRows([["a"]]) + csvRows([["b"]])).toBe(csvRows([["a"], ["b"]]));
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["-", "'-"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tindented", "'\tindented"],
    ["\rreturn", '"\'\rreturn"'],
    ["＝1+1", "'＝1+1"],
  ])("neutralises the formula in %j", (cell, written) => {
    expect(csvRows([[cell]])).toBe(`${written}\r\n`);
  });

  it("leaves a formula character that is not the first alone", () => {
    expect(csvRows([["a=b", "1+1", "name@example.org", "x-y"]])).toBe("a=b,1+1,name@example.org,x-y\r\n");
  });

  it("keeps numbers plain numbers, negative ones too: only strings are guarded", () => {
    expect(csvRows([[-3, 0, 2.5, -0.25, 12n, -7n]])).toBe("-3,0,2.5,-0.25,12,-7\r\n");
    // The same text as a string is something a reader could have typed.
    expect(csvRows([["-3"]])).toBe("'-3\r\n");
  });

  it("writes dates as ISO instants and booleans as words", () => {
    expect(csvRows([[new Date("2026-12-01T09:30:00.000Z"), true, false]])).toBe(
      "2026-12-01T09:30:00.000Z,true,false\r\n",
    );
  });
});
