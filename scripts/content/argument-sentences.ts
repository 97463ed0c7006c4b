// Sentences that weigh the politics, the risks and the regional fallout.
// See opening-sentences.ts for the conventions.
export const POLITICS_SENTENCES: readonly string[] = [
  "{official} has framed the issue as one of sovereignty, arguing in {month} that {country} cannot outsource decisions on {subject} to {institution}.",
  "The opposition, sensing an opening, has promised to scrap {instrument} if it wins the next election, due by {future}, and to return the {money} to taxpayers.",
  "Behind closed doors, {actors} have been pressing {capital} for a delay of at least {small} years and compensation worth some {money}.",
  "Coalition arithmetic matters here: the governing parties in {capital} hold a majority of just {small} seats, and several backbenchers represent districts where {subject} can swing an election.",
  "In {partnerCapital}, the reaction to {instrument} has been cooler than {adj} officials had hoped, and a planned visit in {month} was postponed.",
  "The leadership in {partnerCapital} has its own reasons to go slow on {subject}, not least a budget squeeze that has already forced cuts of {money}.",
  "{institution} is divided, with some members seeing the stance of {country} on {subject} as a useful precedent and others as a dangerous one, and a vote expected in {month}.",
  "Public opinion is fickle; support for {instrument} has swung by {pct} in {small} months, according to polling in {country}.",
  "Much depends on {official}, who has staked personal credibility on delivering results on {subject} before {future}.",
  "Regional governors and city mayors in {country}, who control about {pct} of the relevant spending, have ideas of their own about {subject}.",
  "Industry, for its part, is split between {actors} that stand to gain from {instrument} and {actors2} facing costs of up to {money}.",
  "The finance ministry in {capital} has so far refused to commit more than {money}, arguing that the fiscal rules leave no room for manoeuvre before {future}.",
  "{adj} diplomats describe the relationship with {partner} on {subject} as transactional, and note that {small} rounds of talks since {past} have produced little.",
  "Lobbying has intensified, with registered meetings between {actors} and ministers in {capital} up {pct} in {recent}, according to transparency filings.",
];

export const RISK_SENTENCES: readonly string[] = [
  "The most obvious risk is timing: if the slide in {metric} accelerates before {instrument} can take effect, {capital} will have spent its political capital and {money} for nothing.",
  "There is also a credibility problem, since {country} has announced {small} similar plans on {subject} since {past} and completed none of them.",
  "Critics in {capital} argue that relying on {instrument} treats the symptoms rather than the cause, and that the real cost could be closer to {money}.",
  "A sharper downturn in {partner} would hit {country} through several channels at once, starting with demand for {goods}, which fell {pct} during the last slump.",
  "Nor is it clear that {actors} in {country} will cooperate; many have threatened legal challenges that could delay implementation until {future}.",
  "The optimistic case rests on assumptions about {metric} that look heroic, including a {pct} improvement that has not been achieved since {past}.",
  "Security concerns add another layer of uncertainty, particularly if tensions with {rival} over {subject2} escalate over the coming {small} months.",
  "Even supporters concede that the plan leaves {country} exposed to a shock in the market for {goods}, which could cost {country} about {gdp}.",
  "Then there is the question of money: at current rates, servicing the debt raised for {subject} will cost {country} about {money} a year by {future}.",
  "A legal challenge before the constitutional court in {capital}, expected to be decided in {month}, could unpick an arrangement worth {money}.",
  "The danger is that {institution} reads the move as defiance and responds with measures of its own, raising costs for {actors} by as much as {pct}.",
  "Sceptics also point to capacity: the plan assumes {count} trained specialists in {subject}, and officials in {capital} privately concede that fewer than half exist.",
  "If {partner} changes course on {subject2}, as it did in {past}, {country's} strategy could unravel within {small} months.",
  "Weather, not policy, may end up deciding the outcome in {country}, because a hard {season} would test every assumption in the plan and push costs up by {pct}.",
];

export const REGIONAL_SENTENCES: readonly string[] = [
  "The consequences will not stop at {country's} borders; {neighbour} and {partner} began recalibrating their own positions on {subject} in {month}.",
  "For {region} as a whole, the episode is a reminder that {subject} and {subject2} can no longer be managed separately, whatever the {money} sums involved.",
  "If the approach works, expect {institution} to hold it up as a model, and {small} or more governments to copy it by {future}.",
  "Outside powers are paying attention too, and {rival} has offered {money} in financing to {country}, with conditions attached.",
  "Markets in {region} have already begun to price the spillover, with spreads on {neighbour's} debt widening by {bps} basis points since {month}.",
  "The shift also changes the calculus for {global}, which had planned to channel about {money} through {capital} over {years}.",
  "For {partner}, the stakes are higher still, because roughly {pct} of its {goods} passes through arrangements that {country} now wants to renegotiate.",
  "Elsewhere in {region}, {actors} are watching to see whether {instrument} can survive contact with reality; if it does, copycat measures could follow within {small} months.",
  "A fracture here would weaken the collective bargaining position of {region} just as talks at {global} on {subject} enter a decisive phase in {future}.",
  "The ripple effects are already visible in {neighbour}, where {metric} moved {pct} in the weeks after the announcement from {capital}.",
  "There is a geopolitical dimension as well, because {subject} has become one of the arenas in which {rival} and {partner} compete for influence in {region}, with some {money} in loans on the table.",
  "Smaller economies in {region} are the most exposed, with some relying on {country} for as much as {pct} of their {goods}.",
];
