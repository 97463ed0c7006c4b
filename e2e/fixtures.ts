// Articles the end-to-end tests rely on, created by global-setup.ts. Each
// gated part carries a sentence that exists nowhere else, so a leak test can
// look for it on every surface.

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

export const e2eArticles = [gatedArticle, markerArticle, freeArticle];
