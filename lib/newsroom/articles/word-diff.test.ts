import { describe, expect, it } from "vitest";
import { sideOf, wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks an added and a removed sentence, keeping the rest", () => {
    const before = "The port reopened on Monday. Unions called off the strike. Ships queued.";
    const after = "The port reopened on Monday. Ships queued. Exports resumed at once.";
    const diff = wordDiff(before, after)!;
    const removed = diff.parts.filter((part) => part.kind === "removed").map((part) => part.text.trim());
    const added = diff.parts.filter((part) => part.kind === "added").map((part) => part.text.trim());
    expect(removed).toEqual(["Unions called off the strike."]);
    expect(added).toEqual(["Exports resumed at once."]);
    expect(diff.removedWords).toBe(5);
    expect(diff.addedWords).toBe(4);
    // Each side reads as that revision did.
    expect(
      sideOf(diff.parts, "before")
        .map((part) => part.text)
        .join(""),
    ).toBe(before);
    expect(
      sideOf(diff.parts, "after")
        .map((part) => part.text)
        .join(""),
    ).toBe(after);
  });

  it("changes one word as one word, not a whole line", () => {
    const diff = wordDiff("Ministers met on Monday.", "Ministers met on Tuesday.")!;
    expect(diff.parts).toEqual([
      { kind: "same", text: "Ministers met on " },
      { kind: "removed", text: "Monday" },
      { kind: "added", text: "Tuesday" },
      { kind: "same", text: "." },
    ]);
  });

  it("shows a paragraph made as a change, and ignores a space more or less", () => {
    const split = wordDiff("The vote passed. Markets rose.", "The vote passed.\n\nMarkets rose.")!;
    expect(split.parts.some((part) => part.kind !== "same")).toBe(true);
    const spaced = wordDiff("The vote passed. Markets rose.", "The vote  passed.  Markets rose.")!;
    expect(spaced.parts.every((part) => part.kind === "same")).toBe(true);
    expect(
      sideOf(spaced.parts, "before")
        .map((part) => part.text)
        .join(""),
    ).toBe("The vote passed. Markets rose.");
  });

  it("says the same text is the same, and handles empty texts", () => {
    expect(wordDiff("Same.", "Same.")).toEqual({
      parts: [{ kind: "same", text: "Same." }],
      removedWords: 0,
      addedWords: 0,
    });
    expect(wordDiff("", "")).toEqual({ parts: [], removedWords: 0, addedWords: 0 });
    expect(wordDiff("", "New text.")!.addedWords).toBe(2);
  });

  it("gives up rather than hold the request on two long unrelated texts", () => {
    const words = (seed: number) => Array.from({ length: 20_000 }, (_, index) => `w${(index * seed) % 9973}`).join(" ");
    expect(wordDiff(words(7), words(13), { timeoutMs: 1 })).toBeNull();
  });
});
