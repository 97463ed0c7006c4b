import { describe, expect, it } from "vitest";
import { cutArticle } from "@/lib/articles/paywall-cut";
import { PAYWALL_MARKER, placeCut } from "./paywall-marker";

const FENCE = "```";

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
    [
      "inside a fenced code block: after the block",
      `A.\n\n${FENCE}\nx = 1\n\ny = 2\n${FENCE}\n\nB.`,
      12,
      `A.\n\n${FENCE}\nx = 1\n\ny = 2\n${FENCE}\n\n${PAYWALL_MARKER}\n\nB.`,
    ],
    ["inside a list: after the list", "- one\n- two\n\nB.", 8, `- one\n- two\n\n${PAYWALL_MARKER}\n\nB.`],
    [
      "keeping a marker inside a code block, which is text",
      `${FENCE}\n${PAYWALL_MARKER}\n${FENCE}\n\nB.`,
      30,
      `${FENCE}\n${PAYWALL_MARKER}\n${FENCE}\n\nB.\n\n${PAYWALL_MARKER}\n`,
    ],
    ["before indented code, keeping its indentation", "A.\n\n    code", 4, `A.\n\n${PAYWALL_MARKER}\n\n    code`],
  ])("%s", (_label, body, position, expected) => {
    const placed = placeCut(body, position);
    expect(placed.body).toBe(expected);
    expect(placed.body.slice(placed.cursor - PAYWALL_MARKER.length, placed.cursor)).toBe(PAYWALL_MARKER);
  });

  it("always places a marker that cuts, wherever the cursor is", () => {
    const body = `Lead.\n\n> quoted\n> more\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n${FENCE}\nz\n\nz\n${FENCE}\n\nEnd.`;
    for (let position = 0; position <= body.length; position++) {
      const placed = placeCut(body, position);
      const cut = cutArticle(placed.body, 3);
      expect(cut.cutBy).toBe("marker");
      expect(cut.cutLine).toBe(placed.body.slice(0, placed.cursor).split("\n").length);
    }
  });
});
