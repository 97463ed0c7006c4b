import { chooseSetting, type ArticleSetting } from "./article-setting";
import { AUTHOR_PROFILES, type AuthorProfile } from "./authors";
import { composeBody } from "./compose-body";
import { fillTemplate } from "./fill-template";
import { DAILY_HEADLINES, DEKS, IN_DEPTH_DEKS, IN_DEPTH_HEADLINES } from "./headline-templates";
import { Random } from "./random";
import { SentenceLedger } from "./sentence-ledger";
import { createSlotResolver } from "./slot-resolver";
import { slugify } from "./slugify";
import { capitalizeSentences, titleCase } from "./text-case";

export type GeneratedArticle = {
  slug: string;
  title: string;
  dek: string;
  /** Markdown; may contain one `<!-- paywall -->` line. */
  body: string;
  kind: "daily" | "in_depth";
  status: "draft" | "scheduled" | "published";
  free: boolean;
  /** Null for drafts; in the future for scheduled articles. */
  publishedAt: Date | null;
  authorSlugs: string[];
  topicSlugs: string[];
  regionSlugs: string[];
};

export type GenerateArticlesOptions = {
  count: number;
  seed?: number;
  /** Published dates fall in the two years before `now`; defaults to the current time. */
  now?: Date;
  /** How many of the last articles are drafts (no date). */
  drafts?: number;
  /** How many of the last articles are scheduled 1-14 days after `now`. */
  scheduled?: number;
};

const REPORT_DEKS = [...DEKS, ...IN_DEPTH_DEKS];
const IN_DEPTH_SHARE = 0.3;
const FREE_SHARE = 0.08;
const PAYWALL_MARKER_SHARE = 0.3;
const DAY_MS = 24 * 60 * 60 * 1000;
const HISTORY_MS = 730 * DAY_MS;

/**
 * Yields `count` articles, one at a time so a large run never holds the whole
 * corpus. The same seed and `now` always give the same articles, and a shorter
 * run is a prefix of a longer one (apart from which trailing articles are
 * drafts or scheduled). Slugs and body sentences are unique within a run.
 *
 * Each article draws from its own random stream, derived from the seed and
 * its position, so a different `now` changes dates but leaves (nearly) every
 * slug the same: re-running a seed later skips the articles it already wrote
 * instead of adding a second, slightly different corpus.
 */
export function* generateArticles(options: GenerateArticlesOptions): Generator<GeneratedArticle, void, undefined> {
  const { count, seed = 1, now = new Date(), drafts = 0, scheduled = 0 } = options;
  for (const [name, value] of Object.entries({ count, drafts, scheduled })) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`generateArticles: ${name} must be a non-negative integer`);
  }
  if (drafts + scheduled > count) throw new RangeError("generateArticles: drafts + scheduled exceeds count");

  const ledger = new SentenceLedger();
  const slugs = new Set<string>();
  const firstUnpublished = count - drafts - scheduled;

  for (let index = 0; index < count; index++) {
    const rng = new Random(articleSeed(seed, index));
    const status = index < firstUnpublished ? "published" : index < firstUnpublished + drafts ? "draft" : "scheduled";
    const kind = rng.chance(IN_DEPTH_SHARE) ? "in_depth" : "daily";
    const publishedAt =
      status === "published" ? pastDate(rng, now) : status === "scheduled" ? futureDate(rng, now) : null;
    const free = rng.chance(FREE_SHARE);
    const paywallAfter = rng.chance(PAYWALL_MARKER_SHARE) ? rng.int(2, 4) : null;
    const setting = chooseSetting(rng, (publishedAt ?? now).getUTCFullYear());
    const resolve = createSlotResolver(rng, setting);

    // A few fresh draws usually find an unused headline; the slug suffix is
    // the fallback, so the same headline rarely runs twice.
    const headlines = kind === "daily" ? DAILY_HEADLINES : IN_DEPTH_HEADLINES;
    let title = titleCase(fillTemplate(rng.pick(headlines), resolve));
    for (let attempt = 0; attempt < 6 && slugs.has(slugify(title)); attempt++) {
      title = titleCase(fillTemplate(rng.pick(headlines), resolve));
    }
    const dek = capitalizeSentences(fillTemplate(rng.pick(kind === "daily" ? DEKS : REPORT_DEKS), resolve));
    const body = composeBody({ rng, resolve, ledger, kind, paywallAfter });

    yield {
      slug: uniqueSlug(rng, slugify(title), slugs),
      title,
      dek,
      body,
      kind,
      status,
      free,
      publishedAt,
      authorSlugs: pickAuthors(rng, setting).map((author) => author.slug),
      topicSlugs: setting.topics.map((topic) => topic.slug),
      regionSlugs: setting.regions.map((region) => region.slug),
    };
  }
}

function articleSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

// Newsroom hours: 05:00-18:55 UTC on a five-minute grid, mostly on weekdays.
// Always draws the same four numbers, so the date does not shift the stream
// the rest of the article is drawn from.
function pastDate(rng: Random, now: Date): Date {
  const [offset, weekendRoll, hour, minute] = [rng.float(), rng.float(), rng.int(5, 18), rng.int(0, 11) * 5];
  const date = new Date(now.getTime() - offset * HISTORY_MS);
  const weekday = date.getUTCDay();
  if ((weekday === 0 || weekday === 6) && weekendRoll < 0.7)
    date.setTime(date.getTime() - (weekday === 0 ? 2 : 1) * DAY_MS);
  date.setUTCHours(hour, minute, 0, 0);
  while (date.getTime() >= now.getTime()) date.setTime(date.getTime() - DAY_MS);
  return date;
}

function futureDate(rng: Random, now: Date): Date {
  const date = new Date(now.getTime() + rng.int(1, 14) * DAY_MS);
  date.setUTCHours(6, 0, 0, 0);
  return date;
}

// Repeated headlines get a short random suffix rather than "-2", "-3", so a
// slug does not reveal how many similar pieces exist.
function uniqueSlug(rng: Random, base: string, taken: Set<string>): string {
  let slug = base;
  while (taken.has(slug))
    slug = `${base}-${rng
      .int(0, 36 ** 4 - 1)
      .toString(36)
      .padStart(4, "0")}`;
  taken.add(slug);
  return slug;
}

// Bylines favour authors whose beat matches the piece; a fifth of pieces
// have a second author.
function pickAuthors(rng: Random, setting: ArticleSetting): AuthorProfile[] {
  const topicSlugs = setting.topics.map((t) => t.slug);
  const regionSlugs = setting.regions.map((r) => r.slug);
  const weight = (author: AuthorProfile) =>
    0.15 +
    (author.topics.some((t) => topicSlugs.includes(t)) ? 1 : 0) +
    (author.regions.some((r) => regionSlugs.includes(r)) ? 1.5 : 0);
  const first = rng.weighted(AUTHOR_PROFILES, weight);
  if (!rng.chance(0.2)) return [first];
  return [
    first,
    rng.weighted(
      AUTHOR_PROFILES.filter((a) => a !== first),
      weight,
    ),
  ];
}
