// The benchmark's 200 searches, drawn (with a fixed seed) from the same
// vocabulary the article generator writes with, so they find what readers of
// the generated library would look for: common words that match most of it,
// country names that match a few percent, phrases, several words, filters,
// OR and exclusions, date order and later pages, and a few typos that match
// nothing.
import { Random } from "../content/random";
import { REGION_PROFILES } from "../content/regions";
import { TOPIC_PROFILES } from "../content/topics";

export type BenchQuery = { kind: string; params: Record<string, string> };

// Words in most generated articles, as a reader might still type them.
const COMMON_WORDS = [
  "budget",
  "government",
  "prices",
  "policy",
  "plan",
  "ministry",
  "officials",
  "costs",
  "data",
  "markets",
  "growth",
  "reform",
];
const TYPOS = ["sanctoins", "elecshun", "pipleine", "inflaton", "refugess"];

const MIX: [kind: string, count: number][] = [
  ["common word", 30],
  ["country or capital", 35],
  ["quoted phrase", 35],
  ["several words", 30],
  ["with filters", 30],
  ["OR / exclusion", 15],
  ["date order, later page", 20],
  ["typo, no match", 5],
];

export function searchQueryMix(seed = 2026): BenchQuery[] {
  const rng = new Random(seed);
  const subjects = TOPIC_PROFILES.flatMap((topic) => topic.subjects);
  const countries = REGION_PROFILES.flatMap((region) => region.countries);
  const place = () => {
    const country = rng.pick(countries);
    return rng.chance(0.7) ? country.name.replace(/^the /, "") : country.capital;
  };
  const filter = (): Record<string, string> => {
    switch (rng.int(0, 3)) {
      case 0:
        return { region: rng.pick(REGION_PROFILES).slug };
      case 1:
        return { topic: rng.pick(TOPIC_PROFILES).slug };
      case 2:
        return { kind: rng.pick(["daily", "in_depth"]) };
      default: {
        const month = String(rng.int(1, 12)).padStart(2, "0");
        return { from: `2026-${month}-01`, to: `2026-${month}-28` };
      }
    }
  };
  const make: Record<string, () => Record<string, string>> = {
    "common word": () => ({ q: rng.pick(COMMON_WORDS) }),
    "country or capital": () => ({ q: place() }),
    "quoted phrase": () => ({ q: `"${rng.pick(subjects)}"` }),
    "several words": () => ({ q: `${place()} ${rng.pick(subjects)}` }),
    "with filters": () => ({ q: rng.chance(0.5) ? rng.pick(subjects) : place(), ...filter() }),
    "OR / exclusion": () => ({
      q: rng.chance(0.5) ? `${rng.pick(subjects)} OR ${rng.pick(subjects)}` : `${rng.pick(subjects)} -${place()}`,
    }),
    "date order, later page": () => ({
      q: rng.chance(0.5) ? place() : rng.pick(subjects),
      sort: rng.pick(["date", "relevance"]),
      page: String(rng.int(2, 6)),
    }),
    "typo, no match": () => ({ q: rng.pick(TYPOS) }),
  };
  const queries = MIX.flatMap(([kind, count]) =>
    Array.from({ length: count }, () => ({ kind, params: make[kind]!() })),
  );
  // Interleaved, so that no stretch of the run is all of one kind.
  return rng.sample(queries, queries.length);
}
