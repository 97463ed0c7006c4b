// Headline and standfirst (dek) patterns. Headlines are written in sentence
// form and title-cased after filling, so slot values need no special casing.
export const DAILY_HEADLINES: readonly string[] = [
  "Why {country's} {subject} {gamble} could backfire this {season}",
  "{country's} {subject} push is running out of road",
  "What {country's} turn on {subject} means for {region}",
  "{country} is betting on {instrument}. It may not be enough",
  "The quiet unravelling of {country's} {subject} strategy",
  "{country} and {partner} are rewriting the rules on {subject}",
  "Inside {region's} scramble for {goods}",
  "How {subject} became {country's} biggest headache",
  "Is {country} losing its grip on {subject}?",
  "{region's} {subject} problem is really a political one",
  "The hidden costs of {country's} {subject} {gamble}",
  "What a shock to {goods} would mean for {country}",
  "{institution} wants action on {subject}. {country} is not listening",
  "Why {partner} matters more than ever to {country} on {subject}",
  "{country's} {subject} deadline is closer than it looks",
  "Five things to watch as {country} rethinks {subject}",
  "The {subject} fight that could reshape {region}",
  "{country} has a {subject} problem, and {instrument} will not fix it",
  "Why markets are misreading {country's} {subject} signals",
  "After the summit, {country} faces a {subject} reckoning",
  "{country's} new {subject} playbook, explained",
  "Can {instrument} save {country's} {subject} ambitions?",
  "Why {region} is watching {country's} {subject} experiment",
  "Why {subject} could be {region's} next flashpoint",
  "{country} doubles down on {subject} despite the risks",
  "Who wins from {country's} {subject} overhaul?",
  "The case against {country's} {subject} {gamble}",
  "{country} quietly changes course on {subject}",
  "What {institution} gets wrong about {subject} in {region}",
  "{partner} holds the key to {country's} {subject} dilemma",
];

export const IN_DEPTH_HEADLINES: readonly string[] = [
  "{subject} in {region}: power, money and the road to {future}",
  "The long game: {country}, {partner} and the future of {subject}",
  "Mapping {region's} {subject} fault lines",
  "After the boom: {country's} {subject} model under strain",
  "How {region} is rethinking {subject}, and what it will cost",
  "The {future} test: can {country} deliver on {subject}?",
  "Between {partner} and {institution}: {country's} {subject} balancing act",
  "Beyond the headlines: what really drives {country's} {subject} policy",
  "A decade of {subject} in {region}: lessons, losers and what comes next",
  "{country} at the crossroads: {subject}, {subject2} and the politics of choice",
  "The new geography of {subject}: why {region} matters",
  "Stress test: {region's} {subject} exposure in three scenarios",
  "Who pays for {subject}? Inside {country's} budget battle",
  "The unfinished business of {country's} {subject} reform",
];

export const DEKS: readonly string[] = [
  "{country} has staked a great deal on {instrument}. The arithmetic of {subject} suggests the bet may not pay off before {future}.",
  "Officials in {capital} insist the plan is on track. {actors} and {institution} are far less sure.",
  "A dispute over {goods} is exposing deeper tensions between {country} and {partner}, with consequences for the whole of {region}.",
  "The headline numbers look reassuring, but beneath them {subject} in {country} is more fragile than markets assume.",
  "{partner} has emerged as the swing player in {country's} calculations on {subject}. Here is why that matters.",
  "As {institution} tightens the screws, {country} is running out of easy options on {subject}.",
  "Three forces are reshaping {subject} in {region}, and {country} sits at the centre of all of them.",
  "The government in {capital} wants to be seen acting on {subject}. The risk is that {instrument} will add to the problem rather than solve it.",
  "Little noticed outside {region}, a shift in {country's} approach to {subject} could have global consequences.",
  "{actors} have been warning about this for years. Now the bill for {subject} in {country} is coming due.",
  "The fight over {subject} is really a fight about {subject2}, and {country} cannot win one without the other.",
];

/** Standfirsts that promise the length of a report; drawn only for in-depth pieces. */
export const IN_DEPTH_DEKS: readonly string[] = [
  "A close reading of budgets, trade data and official statements shows how {country} is reshaping {subject}, and what it means for {region} through {future}.",
  "Our analysis of {subject} in {region} maps the players, the money and three ways the next {years} could unfold for {country}.",
  "From {capital} to {partnerCapital}, the politics of {subject} are being rewritten. This report explains who gains, who loses and what to watch.",
];
