// Two revisions compared: the fields that changed, then the body (Markdown)
// word by word, or side by side with each side's own changes marked.
import type { FieldComparison } from "@/lib/newsroom/articles/compare-revisions";
import { sideOf, type WordDiff } from "@/lib/newsroom/articles/word-diff";
import type { CompareView } from "./compare-chooser";
import { DiffText } from "./diff-text";

type Props = {
  from: number;
  to: number;
  fields: FieldComparison[];
  body: WordDiff | null;
  bodies: { before: string; after: string };
  view: CompareView;
};

export function RevisionDiff({ from, to, fields, body, bodies, view }: Props) {
  const changed = fields.filter((field) => field.diff !== null);
  const unchanged = fields.filter((field) => field.diff === null).map((field) => field.label);
  const sideBySide = view === "side" || body === null;
  return (
    <>
      <h2>Fields</h2>
      {changed.length === 0 ? (
        <p>Headline, dek, slug, kind, authors, topics and regions are the same in both.</p>
      ) : (
        <dl className="revision-fields diff-fields">
          {changed.map((field) => (
            <div key={field.label} className="diff-field">
              <dt>{field.label}</dt>
              <dd>
                <DiffText parts={field.diff!.parts} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {changed.length > 0 && unchanged.length > 0 && <p className="meta">The same in both: {unchanged.join(", ")}.</p>}

      <h2>Body</h2>
      {body === null ? (
        <p className="meta">The two bodies are too different to compare word by word; here they are side by side.</p>
      ) : body.addedWords + body.removedWords === 0 && body.parts.every((part) => part.kind === "same") ? (
        <p className="meta">The bodies are the same.</p>
      ) : (
        <p className="meta" data-testid="diff-summary">
          From revision {from} to revision {to}: {body.addedWords} {body.addedWords === 1 ? "word" : "words"} added
          (underlined), {body.removedWords} removed (struck through).
        </p>
      )}
      {sideBySide ? (
        <div className="diff-sides">
          <section aria-label={`Body of revision ${from}`}>
            <h3>Revision {from}</h3>
            <div className="diff-text">{body ? <DiffText parts={sideOf(body.parts, "before")} /> : bodies.before}</div>
          </section>
          <section aria-label={`Body of revision ${to}`}>
            <h3>Revision {to}</h3>
            <div className="diff-text">{body ? <DiffText parts={sideOf(body.parts, "after")} /> : bodies.after}</div>
          </section>
        </div>
      ) : (
        <div className="diff-text" aria-label={`Body, from revision ${from} to revision ${to}`} role="region">
          <DiffText parts={body.parts} />
        </div>
      )}
    </>
  );
}
