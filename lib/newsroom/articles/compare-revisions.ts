// Two revisions of an article compared: each field as text (authors, topics
// and regions by name, in byline order) and the body, word by word. Either
// revision can then be restored (restoreRevision).
import { kindLabel } from "@/lib/articles/format";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { ArticleContent } from "./article-input";
import { getRevision, type Revision } from "./article-revisions";
import { listEditorChoices, type Choice, type EditorChoices } from "./editor-choices";
import { wordDiff, type WordDiff } from "./word-diff";

export type FieldComparison = { label: string; before: string; after: string; diff: WordDiff | null };

export type RevisionComparison =
  | {
      kind: "compared";
      from: Revision;
      to: Revision;
      /** Headline to regions, in the editor's order; `diff` null where the two are the same. */
      fields: FieldComparison[];
      /** Null when the bodies are too different to diff in time; then they are shown side by side. */
      body: WordDiff | null;
    }
  | { kind: "missing"; numbers: number[] };

const names = (ids: string[], choices: Choice[]) =>
  ids.map((id) => choices.find((choice) => choice.id === id)?.name ?? "(deleted)").join(", ") || "none";

function fieldTexts(content: ArticleContent, choices: EditorChoices): [string, string][] {
  return [
    ["Headline", content.title],
    ["Dek", content.dek || "none"],
    ["Slug", content.slug],
    ["Kind", `${kindLabel(content.kind)}${content.free ? ", free to all" : ""}`],
    ["Authors", names(content.authorIds, choices.authors)],
    ["Topics", names(content.topicIds, choices.topics)],
    ["Regions", names(content.regionIds, choices.regions)],
  ];
}

export async function compareRevisions(
  actor: Actor,
  articleId: string,
  fromNumber: number,
  toNumber: number,
): Promise<RevisionComparison> {
  assertRole(actor, "editor");
  const [from, to] = await Promise.all([
    getRevision(actor, articleId, fromNumber),
    getRevision(actor, articleId, toNumber),
  ]);
  if (!from || !to) {
    return { kind: "missing", numbers: [from ? null : fromNumber, to ? null : toNumber].filter((n) => n !== null) };
  }
  const choices = await listEditorChoices(actor);
  const before = fieldTexts(from.content, choices);
  const after = fieldTexts(to.content, choices);
  const fields = before.map(([label, text], index): FieldComparison => {
    const other = after[index]![1];
    return { label, before: text, after: other, diff: text === other ? null : wordDiff(text, other) };
  });
  return { kind: "compared", from, to, fields, body: wordDiff(from.content.body, to.content.body) };
}
