import type { Random } from "./random";
import { REGION_PROFILES, type Country, type RegionProfile } from "./regions";
import { TOPIC_PROFILES, type TopicProfile } from "./topics";

// What one article is about. These choices stay fixed for the whole piece so
// that its headline, dek and paragraphs discuss the same country, subject and
// policy; numbers and supporting details are drawn afresh per sentence.
export type ArticleSetting = {
  topics: TopicProfile[];
  regions: RegionProfile[];
  country: Country;
  partner: Country;
  neighbour: Country;
  subject: string;
  subject2: string;
  instrument: string;
  instrument2: string;
  institution: string;
  /** Lower case, for sentences ("winter"); headlines are title-cased later. */
  season: string;
  gamble: string;
  /** The year the article is written in; other years in the text are relative to it. */
  year: number;
};

// Coverage leans towards the regions a world-affairs desk writes about most.
const REGION_WEIGHTS: Record<string, number> = {
  europe: 1.4,
  "middle-east": 1.2,
  "asia-pacific": 1.3,
  americas: 1.1,
  africa: 1,
  "russia-eurasia": 1,
  "south-asia": 0.9,
  arctic: 0.5,
};

export function chooseSetting(rng: Random, year: number): ArticleSetting {
  const topics = rng.sample(TOPIC_PROFILES, rng.chance(0.4) ? 2 : 1);
  const regions = pickRegions(rng, rng.chance(0.3) ? 2 : 1);
  const [topic, secondTopic] = [topics[0]!, topics[1]];
  const home = regions[0]!;

  const country = rng.pick(home.countries);
  // A second region supplies the partner, which is what puts it in the piece.
  const partner = rng.pick(otherCountries((regions[1] ?? home).countries, [country]));
  const neighbour = rng.pick(otherCountries(home.countries, [country, partner]));
  const subject = rng.pick(topic.subjects);
  const instrument = rng.pick(topic.instruments);

  return {
    topics,
    regions,
    country,
    partner,
    neighbour,
    subject,
    subject2: rng.pick(secondTopic ? secondTopic.subjects : topic.subjects.filter((s) => s !== subject)),
    instrument,
    instrument2: rng.pick((secondTopic ?? topic).instruments.filter((i) => i !== instrument)),
    institution: rng.pick(home.institutions),
    season: rng.pick(["winter", "summer"]),
    gamble: rng.pick(["gamble", "bet", "wager", "experiment", "overreach"]),
    year,
  };
}

function pickRegions(rng: Random, count: number): RegionProfile[] {
  const first = rng.weighted(REGION_PROFILES, (region) => REGION_WEIGHTS[region.slug] ?? 1);
  if (count === 1) return [first];
  const rest = REGION_PROFILES.filter((region) => region !== first);
  return [first, rng.weighted(rest, (region) => REGION_WEIGHTS[region.slug] ?? 1)];
}

/** Countries other than `exclude`, compared by name because the Arctic repeats a few. */
export function otherCountries(countries: readonly Country[], exclude: readonly Country[]): Country[] {
  const names = new Set(exclude.map((c) => c.name));
  return countries.filter((c) => !names.has(c.name));
}
