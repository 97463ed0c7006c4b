// Casing rules for filled templates. Slot values are stored in their
// mid-sentence form ("the Netherlands", "gas storage"); these functions adapt
// them to where they land.

// Words a headline keeps in lower case unless they open it or follow a colon.
const MINOR_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "but",
  "by",
  "for",
  "in",
  "nor",
  "of",
  "on",
  "or",
  "the",
  "to",
  "vs",
  "via",
]);

export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Capitalises the start of every sentence in a short multi-sentence text. */
export function capitalizeSentences(text: string): string {
  return text.replace(/(^|[.?!]\s+)([a-z])/g, (_, boundary: string, letter: string) => boundary + letter.toUpperCase());
}

/** Headline case: "why the netherlands' gas storage bet" -> "Why the Netherlands' Gas Storage Bet". */
export function titleCase(text: string): string {
  const words = text.split(" ");
  return words
    .map((word, index) => {
      const opensClause = index === 0 || /[:?.]$/.test(words[index - 1]!);
      if (!opensClause && MINOR_WORDS.has(word)) return word;
      // Hyphenated compounds are capitalised on both sides ("Long-Term").
      return word.split("-").map(capitalize).join("-");
    })
    .join(" ");
}

/** "Germany" -> "Germany's", "the Philippines" -> "the Philippines'". */
export function possessive(noun: string): string {
  return noun.endsWith("s") ? `${noun}'` : `${noun}'s`;
}

/**
 * Turns "a" into "an" before a vowel sound once slots are filled: "a {subject}
 * problem" may become "an energy subsidies problem", "a {pct} rise" "an 8.4% rise".
 */
export function fixIndefiniteArticles(text: string): string {
  return text.replace(/\b([Aa]) ([$€£]?)([\w.,]+)/g, (match, article: string, currency: string, word: string) =>
    startsWithVowelSound(word) ? `${article}n ${currency}${word}` : match,
  );
}

function startsWithVowelSound(word: string): boolean {
  if (/^\d/.test(word)) {
    // Spoken numbers: eight..., eleven..., eighteen... (also as thousands and millions).
    const digits = word.split(".")[0]!.replace(/,/g, "");
    const groupLength = digits.length % 3 || 3;
    const leading = digits.slice(0, groupLength);
    return leading.startsWith("8") || leading === "11" || leading === "18";
  }
  // Acronyms are read letter by letter: "an LNG terminal", "an IMF programme".
  if (/^[A-Z0-9+]{2,}$/.test(word)) return "AEFHILMNORSX".includes(word[0]!);
  const lower = word.toLowerCase();
  if (/^(uni|use|eu|one)/.test(lower)) return false;
  return /^[aeiou]/.test(lower);
}
