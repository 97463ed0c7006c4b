import { describe, expect, it } from "vitest";
import { cutLine, PAYWALL_MARKER, placeCut } from "./paywall-marker";

describe("placeCut", () => {
  it.each([
    ["between paragraphs", "One.\n\nTwo.", 4, `One.\n\n${PAYWALL_MARKER}\n\nTwo.`],
    ["at the start of a paragraph", "One.\n\nTwo.", 6, `One.\n\n${PAYWALL_MARKER}\n\nTwo.`],
    ["inside a paragraph, splitting it", "One two.", 3, `One\n\n${PAYWALL_MARKER}\n\ntwo.`],
    ["at the very start", "One.", 0, `${PAYWALL_MARKER}\n\nOne.`],
    ["at the end", "One.", 4, `One.\n\n${PAYWALL_MARKER}\n`],
    ["in an empty body", "", 0, `${PAYWALL_MARKER}\n`],
    ["moving an earlier marker", `A.\n\n${PAYWALL_MARKER}\n\nB.\n\nC.`, 25, `A.\n\nB.\n\n${PAYWALL_MARKER}\n\nC.`],
    ["moving a later marker", `A.\n\nB.\n\n  <!--paywall-->\n\nC.`, 2, `A.\n\n${PAYWALL_MARKER}\n\nB.\n\nC.`],
  ])("%s", (_label, body, position, expected) => {
    const placed = placeCut(body, position);
    expect(placed.body).toBe(expected);
    expect(placed.body.slice(placed.cursor - PAYWALL_MARKER.length, placed.cursor)).toBe(PAYWALL_MARKER);
  });
});

describe("cutLine", () => {
  it("finds the first marker line, as folio_preview does", () => {
    expect(cutLine(`a\n\n${PAYWALL_MARKER}\n\nb\n\n${PAYWALL_MARKER}`)).toBe(3);
    expect(cutLine("a\r\n\r\n   <!--  paywall  -->\r\nb")).toBe(3);
    expect(cutLine("a <!-- paywall --> b")).toBeNull();
    expect(cutLine("")).toBeNull();
  });
});
