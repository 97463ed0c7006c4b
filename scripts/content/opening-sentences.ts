// Sentences that open a piece and set out its background and evidence.
// Slots are listed in article-context.ts. Each sentence carries several
// slots, ideally a number, so that the same sentence rarely comes out twice;
// the ledger in generate-articles.ts rejects the repeats that remain.
export const LEDE_SENTENCES: readonly string[] = [
  "When {official} in {capital} unveiled {instrument} in {month}, the move was sold as a technical fix for {subject}.",
  "For most of the past {years}, {subject} barely registered in the political debate in {country}, and the {money} now at stake suggests that was a mistake.",
  "The figures published in {capital} in {month} were worse than almost anyone had forecast, with {metric} off by {pct} from the consensus.",
  "Few governments have bet as heavily on {subject} as {country}, which has committed roughly {money} to the effort since {past}.",
  "It began as a quarrel over {goods} between {country} and {partner} in {month}, and it has become a test of how far either side is willing to go.",
  "Ask {actors} in {country} what keeps them awake at night and the answer, increasingly, is {subject}, a worry that {pct} of them now rank first.",
  "On paper, {country's} approach to {subject} looks coherent: {instrument}, backed by {money} in public money and a deadline of {future}.",
  "The announcement from {capital} in {month} was short, technical and easy to miss, but it may prove to be the most consequential shift in {subject} in {region} since {past}.",
  "{institution} has spent the better part of {years} urging {country} to act on {subject}, and in {month} it finally got an answer.",
  "There is a familiar pattern to the way {country} handles {subject}: a burst of ambition, a quiet retreat, and then a crisis, the last of which cost {money}.",
  "The number that matters is simple: a {pct} swing in {metric} within a single year, and nobody in {capital} has a convincing plan to reverse it.",
  "Diplomats in {partnerCapital} have started to ask a blunt question in private since {month}: what exactly does {country} want from {subject}?",
  "{small} weeks of talks in {capital} ended in {month} without agreement, leaving {subject} in {region} more uncertain than at any point since {past}.",
  "Investors have learned to treat {country's} promises on {subject} with caution, and the {pct} drop in {metric} since {month} explains why.",
  "The debate over {subject} in {country} has been conducted mostly in the language of numbers, starting with the {money} price tag that {official} put on it in {month}.",
  "A little over {small} years ago, {country} and {partner} signed a pact on {subject} that both sides hailed as a turning point for {region}.",
];

export const CONTEXT_SENTENCES: readonly string[] = [
  "The roots of the problem go back to {past}, when {country} chose {instrument2} over a slower but sturdier reform of {subject}.",
  "Since then, {actors} have adapted faster than the rules meant to govern them, and the cumulative drift in {metric} is roughly {pct}.",
  "Part of the explanation lies in geography: {country} relies on {partner} for around {pct} of its {goods}, a dependence that has grown since {past}.",
  "The previous government in {capital} tried a different approach in {past}, relying on {instrument2} and voluntary commitments from {actors}.",
  "That strategy delivered early results for {actors}, but by {past} most of the {pct} improvement it had produced was gone.",
  "What has changed since {past} is the wider environment: borrowing costs are higher, {partner} is less accommodating, and {institution} is watching more closely.",
  "{region} has seen versions of this story before, most notably in {neighbour}, where a similar push on {subject} stalled in {past} after costing {money}.",
  "For much of the last decade, the consensus in {capital} held that {subject} could be left to {actors}; that consensus collapsed around {past}.",
  "The institutional architecture has not kept pace, with responsibility for {subject} split across {small} ministries and none of them in control of the {money} budget.",
  "It is worth recalling how modest the original ambitions were: when the programme began in {past}, officials talked of a {pct} improvement over {years}.",
  "Relations with {partner} complicate matters further, because its own priorities on {subject2} pull in a different direction and its {money} stake in the outcome is rising.",
  "Neighbouring {neighbour} offers a cautionary example, since its own experiment with {instrument} cost an estimated {money} before it was quietly abandoned in {past}.",
  "None of this happened in a vacuum; {global} had flagged the risks around {subject} in {region} as early as {past}.",
  "The domestic politics are equally tangled, with {actors} and {actors2} lobbying for incompatible versions of a policy worth some {money} a year.",
];

export const EVIDENCE_SENTENCES: readonly string[] = [
  "According to figures from {institution}, {metric} in {country} shifted by {pct} in {quarter} of {recent}, the sharpest move in {years}.",
  "Spending on {subject} reached {money} last year, or about {gdp}, compared with {gdp} in {past}.",
  "A survey of {count} firms by a business association in {capital} found that {pct} expected {subject} to hurt their operations within {years}.",
  "The gap between targets and delivery is striking: the plan called for a {pct} improvement in {metric} by {future}, yet the latest data point to barely a third of that.",
  "Trade data tell a similar story, with flows of {goods} between {country} and {partner} down {pct} from their {past} peak.",
  "Estimates by {global} suggest that the cost of inaction on {subject} in {country} could reach {money} by {future}.",
  "Roughly {pct} of the {goods} used in {country} now comes from just {small} suppliers, a concentration that worries {actors}.",
  "Internal projections seen by Folio put the shortfall at {money} over {years}, a figure that has not been shared with parliament in {capital}.",
  "Measured against {neighbour}, {country} looks less exposed on paper, though {actors} warn that the gap has narrowed sharply since {past}.",
  "Budget documents show {money} earmarked for {instrument} in {recent}, of which only {pct} had been disbursed by {month}.",
  "Market pricing points the same way, as the premium investors demand to hold {adj} debt has widened by {bps} basis points since {month}.",
  "The last time {metric} moved this sharply in {country}, in {past}, it took almost {years} and some {money} in support to recover.",
  "Polling conducted in {month} found that {pct} of {adj} respondents ranked {subject} among their top three concerns, compared with {pct} a year earlier.",
  "Over the past {years}, {actors} have put some {money} into projects tied to {subject}, most of them clustered around {capital}.",
  "Flows of {goods} via {partner} rose {pct} in {quarter} of {recent}, a shift that {official} described as temporary.",
];
