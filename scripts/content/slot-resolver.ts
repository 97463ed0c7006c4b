import type { ArticleSetting } from "./article-setting";
import type { SlotResolver } from "./fill-template";
import type { Random } from "./random";

// Fills template slots for one article. Setting slots (country, subject, ...)
// repeat the article's fixed choices; the rest are drawn afresh on every use,
// which is what keeps sentences distinct across tens of thousands of pieces.
const GENERIC_OFFICIALS = [
  "the prime minister",
  "the president",
  "a senior official",
  "a government spokesperson",
  "a senior adviser to the cabinet",
];
const SMALL_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"];
const SPANS = ["two years", "three years", "four years", "five years", "six years", "seven years", "a decade"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
// Rivals are the powers that actually court other regions with money and arms.
const OUTSIDE_POWERS = [
  "the United States",
  "China",
  "Russia",
  "India",
  "Japan",
  "Saudi Arabia",
  "Turkey",
  "the UAE",
  "Germany",
  "France",
  "Britain",
  "Brazil",
];
const QUARTERS = ["the first quarter", "the second quarter", "the third quarter", "the fourth quarter"];

export function createSlotResolver(rng: Random, setting: ArticleSetting): SlotResolver {
  const { topics, regions, country, partner } = setting;
  const [topic, secondTopic] = [topics[0]!, topics[1]];
  const home = regions[0]!;
  const officials = [...topic.officials, ...GENERIC_OFFICIALS];
  const globalBodies = [...topic.globalBodies, ...(secondTopic?.globalBodies ?? [])];
  const metrics = [...topic.metrics, ...(secondTopic?.metrics ?? [])];
  const currency = home.slug === "europe" && country.name !== "Britain" ? "€" : "$";
  const rivals = OUTSIDE_POWERS.filter(
    (power) => power !== country.name && power !== partner.name && !home.countries.some((c) => c.name === power),
  );
  let lastActors = "";

  const pickActors = (): string => {
    lastActors = rng.pick(topic.actors.filter((a) => a !== lastActors));
    return lastActors;
  };

  return (slot) => {
    switch (slot) {
      case "country":
        return country.name;
      case "capital":
        return country.capital;
      case "adj":
        return country.adjective;
      case "partner":
        return partner.name;
      case "partnerCapital":
        return partner.capital;
      case "neighbour":
        return setting.neighbour.name;
      case "region":
        return home.phrase;
      case "subject":
        return setting.subject;
      case "subject2":
        return setting.subject2;
      case "instrument":
        return setting.instrument;
      case "instrument2":
        return setting.instrument2;
      case "institution":
        return setting.institution;
      case "season":
        return setting.season;
      case "gamble":
        return setting.gamble;
      case "goods":
        return rng.pick(secondTopic && rng.chance(0.3) ? secondTopic.goods : topic.goods);
      // Two actor slots in one sentence name two different groups.
      case "actors":
      case "actors2":
        return pickActors();
      case "global":
        return rng.pick(globalBodies);
      case "metric":
        return rng.pick(metrics);
      case "official":
        return rng.pick(officials);
      case "rival":
        return rng.pick(rivals);
      case "pct":
        return `${rng.int(12, 460) / 10}%`;
      case "gdp":
        return `${rng.int(2, 65) / 10}% of GDP`;
      case "money":
        return money(rng, currency);
      case "count":
        return withThousands(rng.int(30, 4800) * 10);
      case "bps":
        return String(rng.int(15, 380));
      case "small":
        return rng.pick(SMALL_NUMBERS);
      case "years":
        return rng.pick(SPANS);
      case "past":
        return String(setting.year - rng.int(2, 9));
      case "recent":
        return String(setting.year - 1);
      case "future":
        return String(setting.year + rng.int(1, 6));
      case "month":
        return rng.pick(MONTHS);
      case "quarter":
        return rng.pick(QUARTERS);
      default:
        throw new Error(`Unknown template slot {${slot}}`);
    }
  };
}

function money(rng: Random, currency: string): string {
  const roll = rng.float();
  if (roll < 0.15) return `${currency}${rng.int(120, 950)}m`;
  if (roll < 0.65) return `${currency}${rng.int(11, 99) / 10}bn`;
  return `${currency}${rng.int(10, 95)}bn`;
}

function withThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
