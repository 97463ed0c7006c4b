import type { HighlightedText } from "@/lib/search/highlighted-text";

/** Text with the words the search matched in <mark>; rendered as text, never as HTML. */
export function Highlighted({ text }: { text: HighlightedText }) {
  return <>{text.map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : piece.text))}</>;
}
