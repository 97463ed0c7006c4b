// Articles the end-to-end tests rely on, created by global-setup.ts. Each
// gated part carries a sentence that exists nowhere else, so a leak test can
// look for it on every surface, and a reader's test can see it unlocked.

export type E2eArticle = {
  slug: string;
  title: string;
  dek: string;
  free: boolean;
  body: string;
  /** The article's region; "e2e-strait" unless said otherwise. */
  region?: "e2e-strait" | "e2e-isthmus";
};

/** A gated article with the sentence that only its gated part contains. */
export type GatedFixture = E2eArticle & { gatedSentence: string };

export const GATED_SENTENCE = "The envoys privately settled on a ceiling of nineteen tankers per week quokkavelvet";
export const CUT_GATED_SENTENCE = "Behind closed doors the committee shelved the levy until spring marmotlantern";
export const FREE_SENTENCE = "Officials in the free report conceded the grid reform had stalled ibexharbor";
export const PREVIEW_SENTENCE = "Shipping insurers raised their premiums for the strait again this week";

export const gatedArticle = {
  slug: "e2e-gated-tanker-ceiling",
  title: "Why the Tanker Ceiling Deal Matters More Than It Seems",
  dek: "A quiet agreement on shipping volumes could reshape the energy market this winter.",
  free: false,
  body: [
    `${PREVIEW_SENTENCE}, and traders expect more to follow.`,
    "Governments along the route have said little in public about the talks.",
    "The market has nonetheless begun to price in a tighter supply outlook.",
    `${GATED_SENTENCE}, according to two people familiar with the negotiations.`,
    "That number would leave room for seasonal demand without flooding the market.",
  ].join("\n\n"),
};

/** Cut by the editor's marker after the first paragraph. */
export const markerArticle = {
  slug: "e2e-gated-committee-levy",
  title: "The Levy That Was Never Debated",
  dek: "How a budget committee avoided a vote on the most contested tax of the year.",
  free: false,
  body: [
    "The committee met for six hours on Tuesday and produced a two-line statement.",
    "<!-- paywall -->",
    `${CUT_GATED_SENTENCE}, members said afterwards.`,
    "The delay pushes the decision past the regional elections.",
  ].join("\n\n"),
};

export const freeArticle = {
  slug: "e2e-free-grid-reform",
  title: "The Grid Reform That Stalled",
  dek: "A free report on the slow progress of electricity market reform.",
  free: true,
  body: [
    "Electricity market reform was meant to be finished by now.",
    "Instead, the regulator has published three consultations and no decision.",
    "Industry groups blame the delay on a crowded legislative calendar.",
    `${FREE_SENTENCE}, in a memo seen by this publication.`,
  ].join("\n\n"),
};

function gatedFixture(slug: string, title: string, dek: string, gatedSentence: string): GatedFixture {
  return {
    slug,
    title,
    dek,
    free: false,
    gatedSentence,
    body: [
      `${dek} This paragraph is part of the free preview.`,
      "<!-- paywall -->",
      `${gatedSentence}, according to documents seen by this publication.`,
      "Nothing about it has been announced in public.",
    ].join("\n\n"),
  };
}

/**
 * Four gated articles for the monthly meter: a reader unlocks the first three
 * and finds the fourth offering the subscription. Unlocks belong to a reader,
 * so tests share these articles safely as long as each uses its own reader.
 */
export const meterArticles: readonly [GatedFixture, GatedFixture, GatedFixture, GatedFixture] = [
  gatedFixture(
    "e2e-meter-dredging-budget",
    "The Dredging Budget Nobody Announced",
    "A port authority found money for its northern channel.",
    "The port authority quietly doubled the dredging budget for the northern channel wombatlattice",
  ),
  gatedFixture(
    "e2e-meter-merger-vote",
    "The Merger Vote Behind Closed Doors",
    "Regulators split on the largest telecoms deal of the year.",
    "Two of the five regulators voted against the merger in a closed session pelicanquarry",
  ),
  gatedFixture(
    "e2e-meter-diesel-rationing",
    "The Diesel Plan That Stayed in a Drawer",
    "A ministry prepared for a shortage it never admitted.",
    "The ministry drafted a rationing plan for diesel that was never published narwhalsprocket",
  ),
  gatedFixture(
    "e2e-meter-rail-subsidy",
    "The Rail Subsidy Counted Twice",
    "An audit finds a gap in the transport accounts.",
    "Auditors found that the rail subsidy had been counted twice in the annual accounts lemurcascade",
  ),
];

/** Ten gated articles that concurrency tests unlock all at once. */
export const raceArticles: GatedFixture[] = Array.from({ length: 10 }, (_, index) =>
  gatedFixture(
    `e2e-race-${index}`,
    `Tender Number ${index} Under Review`,
    `Procurement officials reopened tender number ${index}.`,
    `The sealed bid for tender number ${index} came in far below the estimate racegated${index}`,
  ),
);

/** A made-up word in the headlines of the two search fixtures, and nowhere else. */
export const SEARCH_WORD = "brindlewick";

/** Two articles for the search tests, one in each fixture region. */
export const searchArticles = {
  strait: {
    slug: "e2e-search-strait-tolls",
    title: "Brindlewick Tolls Rise Again in the Strait",
    dek: "Harbour fees climbed for the third quarter running.",
    free: false,
    region: "e2e-strait",
    body: [
      "Harbour fees climbed again.",
      "Shippers complained.",
      "The regulator said nothing.",
      "Nobody expects a reversal.",
    ].join("\n\n"),
  },
  isthmus: {
    slug: "e2e-search-isthmus-canal",
    title: "The Brindlewick Canal Plan Returns to the Isthmus",
    dek: "An old canal project is back on the table.",
    free: false,
    region: "e2e-isthmus",
    body: [
      "The canal plan is back.",
      "Engineers are cautious.",
      "Financing is unclear.",
      "A decision is due in spring.",
    ].join("\n\n"),
  },
} satisfies Record<string, E2eArticle>;

/** Found by a word in its gated part only: the sentence a reader without access must never see. */
export const SEARCH_GATED_WORD = "otterquill";
export const SEARCH_GATED_SENTENCE = `The inspectors counted the dockside cranes twice ${SEARCH_GATED_WORD}`;
export const searchGatedArticle: E2eArticle = {
  slug: "e2e-search-dockside-cranes",
  title: "The Dockside Audit Nobody Requested",
  dek: "An inspection found more than it was looking for.",
  free: false,
  body: [
    "The port's annual inspection began quietly.",
    "It was meant to take two days.",
    "It took nine.",
    `${SEARCH_GATED_SENTENCE}, and found the second count higher.`,
  ].join("\n\n"),
};

// The first three keep the newest publication times: listing tests expect
// them on the first page of a topic or an author.
export const e2eArticles: E2eArticle[] = [
  gatedArticle,
  markerArticle,
  freeArticle,
  ...meterArticles,
  ...raceArticles,
  searchArticles.strait,
  searchArticles.isthmus,
  searchGatedArticle,
];
