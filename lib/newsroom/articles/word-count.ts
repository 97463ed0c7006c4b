// The editor's word count and reading time, counted on the Markdown as it is
// typed (in the browser, on every keystroke, so without parsing it): the words
// a reader reads, not the markup around them. Link targets, image addresses,
// HTML comments (the preview cut among them) and Markdown punctuation are not
// words.

/** Words a minute for a reading time: the usual figure for reading on a screen. */
export const WORDS_PER_MINUTE = 230;

export type WordCount = { words: number; minutes: number };

export function countWords(markdown: string): WordCount {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, " ")
    // [text](target) and ![alt](target): keep the text, drop the target.
    .replace(/(!?\[[^\]]*\])\([^)]*\)/g, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .replace(/https?:\/\/\S+/g, " ");
  const words = text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return { words, minutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

/** "1,234 words · 5 min read", for the editor's bar. */
export function describeCount({ words, minutes }: WordCount): string {
  const count = `${words.toLocaleString("en")} ${words === 1 ? "word" : "words"}`;
  return minutes === 0 ? count : `${count} · ${minutes} min read`;
}
