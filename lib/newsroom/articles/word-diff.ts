// A word-level diff of two texts, as runs of kept, removed and added text,
// for the revision compare page (which marks them with <del> and <ins>).
//
// The tokens are words (and single punctuation marks), each with the
// whitespace after it, diffed by the `diff` package's diffArrays. Two tokens
// are the same when their words are and they end a line or a paragraph
// alike: a paragraph made or undone shows as a change, a space more or less
// does not (it means nothing in Markdown). The package's diffWords ignores
// whitespace altogether, and its diffWordsWithSpace makes every space a
// token, which matched spaces across unrelated sentences.
import { diffArrays } from "diff";

export type DiffPart = {
  kind: "same" | "removed" | "added";
  /** The text; for a kept run, as the later revision has it. */
  text: string;
  /** A kept run whose spacing differed in the earlier revision: its text there. */
  before?: string;
};

export type WordDiff = {
  parts: DiffPart[];
  /** Words (runs of letters or digits) removed and added. */
  removedWords: number;
  addedWords: number;
};

/**
 * Past this much time the diff gives up (null) rather than hold a request:
 * two long bodies with little in common. Two 44,000-character bodies that
 * differ in a few paragraphs take a few milliseconds.
 */
const TIMEOUT_MS = 1_500;

const TOKEN = /^\s+|(?:[\p{L}\p{N}\p{M}'’_-]+|[^\s\p{L}\p{N}\p{M}])\s*/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** 0: spaces or nothing after the word; 1: a line break; 2: a paragraph break. */
function breakAfter(token: string): number {
  return Math.min(2, token.match(/\n/g)?.length ?? 0);
}

function sameToken(a: string, b: string): boolean {
  return a.trimEnd() === b.trimEnd() && breakAfter(a) === breakAfter(b);
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export function wordDiff(before: string, after: string, options: { timeoutMs?: number } = {}): WordDiff | null {
  const old = tokens(before);
  const now = tokens(after);
  const changes = diffArrays(old, now, { comparator: sameToken, timeout: options.timeoutMs ?? TIMEOUT_MS });
  if (!changes) return null;
  // Each stretch between kept runs becomes one removed run and one added run.
  const parts: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) parts.push({ kind: "removed", text: removed });
    if (added) parts.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  let oldAt = 0;
  let newAt = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      removed += old.slice(oldAt, (oldAt += count)).join("");
    } else if (change.added) {
      added += now.slice(newAt, (newAt += count)).join("");
    } else {
      flush();
      const text = now.slice(newAt, (newAt += count)).join("");
      const was = old.slice(oldAt, (oldAt += count)).join("");
      parts.push(was === text ? { kind: "same", text } : { kind: "same", text, before: was });
    }
  }
  flush();
  const words = (kind: DiffPart["kind"]) =>
    parts.filter((part) => part.kind === kind).reduce((sum, part) => sum + countWords(part.text), 0);
  return { parts, removedWords: words("removed"), addedWords: words("added") };
}

/** The parts one side of the diff shows: the kept runs, as that side has them, and its own changes. */
export function sideOf(parts: DiffPart[], side: "before" | "after"): DiffPart[] {
  const own = side === "before" ? "removed" : "added";
  return parts
    .filter((part) => part.kind === "same" || part.kind === own)
    .map((part) => (side === "before" && part.before !== undefined ? { kind: part.kind, text: part.before } : part));
}
