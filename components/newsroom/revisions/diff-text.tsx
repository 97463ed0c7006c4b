// A word diff as text: removed runs in <del>, added runs in <ins>, each
// announced to screen readers (which do not read the elements' meaning out)
// and drawn with a strike-through or an underline as well as a colour.
import type { DiffPart } from "@/lib/newsroom/articles/word-diff";

export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === "removed" ? (
          <del key={index} className="diff-removed">
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : part.kind === "added" ? (
          <ins key={index} className="diff-added">
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          // Before a removed run the text reads on as the earlier revision had it (its spacing).
          <span key={index}>{parts[index + 1]?.kind === "removed" ? (part.before ?? part.text) : part.text}</span>
        ),
      )}
    </>
  );
}
