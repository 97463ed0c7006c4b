// Sentences that look ahead: the outlook that ends every piece, and the
// scenarios and recommendations that in-depth reports add.
// See opening-sentences.ts for the conventions.
export const OUTLOOK_SENTENCES: readonly string[] = [
  "The next test comes in {month}, when {official} must present a revised plan on {subject} with a price tag of at least {money}.",
  "Expect little movement on {subject} before the election due by {future}, and a scramble afterwards that could reopen a {money} budget line.",
  "The likeliest outcome is a messy compromise: a diluted version of {instrument}, a deadline pushed back to {future}, and a lingering bill of around {money}.",
  "Whatever happens, the era in which {country} could treat {subject} as a technical matter is over; the question now is how much of the {money} bill falls on {actors}.",
  "Watch {metric} over the next {small} months, because a move of more than {pct} would signal that the strategy is failing.",
  "If {country} gets this right, it will have a template that {region} badly needs; if not, repairs after {future} will cost far more than {money}.",
  "For now, {capital} is buying time, and with roughly {money} in reserves it can afford to do so for perhaps {years}.",
  "The decisive signal will come from {partner}, where a change of tone before {month} would transform the outlook for {subject} in {country}.",
  "None of this guarantees failure for {country}, but it does mean the margin for error on {subject} has shrunk to perhaps {pct} of the original budget.",
  "Official timelines deserve scepticism, because the {future} target for {subject} already looks like a stretch and {neighbour} missed a similar deadline by {years}.",
  "The coming {season} will show whether the bet on {instrument} was prudent or reckless, and the {pct} buffer officials cite leaves little room for surprises.",
  "In the end, the politics of {subject} in {country} will be settled less by strategy documents than by the bill, currently put at {money}, and by who is made to pay it.",
];

export const SCENARIO_SENTENCES: readonly string[] = [
  "In the first scenario, which we consider the most likely, {country} muddles through: a diluted form of {instrument} survives and the swing in {metric} stays within {pct} by {future}.",
  "A second, more benign scenario assumes a rapprochement with {partner}, which could unlock {money} in joint investment in {subject} by {future}.",
  "The third scenario is the one that worries {actors}: a disorderly reversal triggered by a shock to {goods}, costing up to {gdp}.",
  "We assign a probability of roughly {pct} to an outright collapse of the {subject} policy in {country} before {future}, higher than markets appear to assume.",
  "Under a stress case modelled on the crisis of {past}, {metric} in {country} would swing by {pct} within {small} quarters.",
  "The scenarios diverge most sharply on one variable, whether {institution} chooses to accommodate {country} or to make an example of it, a choice worth about {money} either way.",
  "A wildcard is the role of {rival}, which could upend all three scenarios by offering {country} {money} in financing on easier terms.",
  "Our central estimate puts the net fiscal cost of {subject} at {gdp} over {years}, with the risks skewed firmly to the upside.",
];

export const POLICY_SENTENCES: readonly string[] = [
  "First, {country} should sequence its reforms, introducing {instrument} only after an investment in capacity of roughly {money}.",
  "Second, policymakers in {capital} need a credible way to share the burden with {actors}, whether through tax credits or a transition fund of around {money}.",
  "Third, closer coordination with {partner} on {subject2} would reduce duplication and could save as much as {pct} of planned spending.",
  "{institution} could help by offering technical support and a clearer timeline, with a formal review of {subject} in {future} rather than open-ended monitoring.",
  "Governments elsewhere in {region} should resist the temptation to copy {instrument} wholesale, as the conditions that made that approach attractive in {country} do not hold in {neighbour}.",
  "Transparency would help too, since publishing quarterly data on {metric} would let {actors} plan ahead and cut the risk premium by an estimated {bps} basis points.",
  "Finally, any strategy on {subject} should be stress-tested against a repeat of {past}, when a {pct} swing in {metric} caught every forecaster off guard.",
  "Donors, including {global}, could unlock private capital by guaranteeing the first {money} of losses on projects tied to {subject} in {country}.",
];
