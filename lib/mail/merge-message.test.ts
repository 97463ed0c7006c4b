import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { composeMergeTemplate, mergeMessage } from "./merge-message";

const PLACEHOLDER = "__TOKEN__".padEnd(72, "_");
const placeholders = { to: "merge-recipient@merge.invalid", messageId: "<merge-1@merge.invalid>", token: PLACEHOLDER };

function source(token: string) {
  // Non-ASCII text before the token shifts byte offsets away from character
  // offsets; three occurrences land on different base64 group alignments.
  const html =
    `<p>Café — naïve ${"é".repeat(37)}</p><a href="https://folio.example/unsubscribe/${token}">Unsubscribe</a>` +
    `<p>${"x".repeat(1001)}</p><a href="https://folio.example/u/${token}">again</a>a${token}`;
  const text = `Réseau ${"—".repeat(50)}\nUnsubscribe: https://folio.example/unsubscribe/${token}\n`;
  return {
    from: "The Folio Review <newsroom@folio.example>",
    subject: "The Daily Review, Tuesday: Écoles et élections",
    html,
    text,
    headers: {
      "List-Unsubscribe": `<https://folio.example/api/unsubscribe/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

describe("merging a composed newsletter for each recipient", () => {
  it("gives each copy exactly the address, Message-ID, token and content it would have had if composed alone", async () => {
    const template = await composeMergeTemplate({ ...source(PLACEHOLDER), placeholders });
    expect(template).not.toBeNull();
    for (const [index, token] of [
      "A".repeat(72),
      `u1.${"0b7e3a4c-5d6f-4a1b-8c9d-0e1f2a3b4c5d"}.d.0abcdef.${"Zz09-_".repeat(3)}abcd`,
      "-".repeat(72),
    ].entries()) {
      expect(token).toHaveLength(72);
      const to = `reader-${index}@example.org`;
      const messageId = `<issue.${index}@folio.example>`;
      const raw = mergeMessage(template!, { to, messageId, token });
      expect(raw).not.toBeNull();
      const merged = await simpleParser(raw!);
      const expected = source(token);
      expect(merged.html).toBe(expected.html);
      expect(merged.text).toBe(expected.text);
      expect(merged.subject).toBe(expected.subject);
      expect(merged.messageId).toBe(messageId);
      expect((merged.to as { text: string }).text).toBe(to);
      const header = (name: string) => merged.headerLines.find((line) => line.key === name)?.line;
      expect(header("list-unsubscribe")).toContain(`/api/unsubscribe/${token}>`);
      expect(raw!.toString("latin1")).not.toContain(PLACEHOLDER);
    }
  });

  it("declines what it cannot merge safely, so the caller composes the copy itself", async () => {
    const template = await composeMergeTemplate({ ...source(PLACEHOLDER), placeholders });
    expect(mergeMessage(template!, { to: "a@example.org", messageId: "<x@y>", token: "short" })).toBeNull();
    expect(mergeMessage(template!, { to: "rené@exämple.org", messageId: "<x@y>", token: "A".repeat(72) })).toBeNull();
  });
});
