// Topic tags and the vocabulary that makes an article about them read like
// one. Every list item must fit every template that uses its slot: `subjects`
// are bare noun phrases that also work as modifiers ("gas storage gamble"),
// `actors` are plural groups, `goods` follow "flows of" or "access to".
export type TopicProfile = {
  slug: string;
  name: string;
  description: string;
  subjects: readonly string[];
  instruments: readonly string[];
  goods: readonly string[];
  actors: readonly string[];
  globalBodies: readonly string[];
  metrics: readonly string[];
  officials: readonly string[];
};

export const TOPIC_PROFILES: readonly TopicProfile[] = [
  {
    slug: "security",
    name: "Security",
    description: "Defence policy, military balances and the threats that shape how states protect themselves.",
    subjects: ["defence spending", "air defence", "naval expansion", "arms procurement", "border security", "drone warfare", "military modernisation", "counterterrorism", "deterrence planning", "munitions production"],
    instruments: ["a multi-year procurement law", "joint military exercises", "a mutual defence pact", "an arms embargo", "forward-deployed brigades", "a bilateral security guarantee"],
    goods: ["artillery shells", "air-defence interceptors", "surveillance drones", "naval patrol vessels", "armoured vehicles"],
    actors: ["defence planners", "arms manufacturers", "military intelligence services", "coast guards", "procurement officials"],
    globalBodies: ["NATO", "the UN Security Council", "the International Atomic Energy Agency"],
    metrics: ["defence outlays", "munitions output", "recruitment numbers", "arms imports", "military readiness scores"],
    officials: ["the defence minister", "the national security adviser", "the chief of the general staff"],
  },
  {
    slug: "energy",
    name: "Energy",
    description: "Oil, gas, power and the grids, pipelines and prices that connect producers to consumers.",
    subjects: ["gas storage", "LNG imports", "grid investment", "nuclear power", "oil output", "refining capacity", "power prices", "energy subsidies", "pipeline diplomacy", "offshore wind"],
    instruments: ["a windfall tax", "a price cap", "a strategic reserve", "long-term supply contracts", "capacity auctions", "a fuel subsidy reform"],
    goods: ["liquefied natural gas", "crude oil", "diesel", "enriched uranium", "pipeline gas"],
    actors: ["utilities", "grid operators", "commodity traders", "state oil companies", "energy-intensive manufacturers"],
    globalBodies: ["the International Energy Agency", "OPEC+", "the World Bank"],
    metrics: ["wholesale gas prices", "storage levels", "the fuel import bill", "refinery margins", "electricity demand"],
    officials: ["the energy minister", "the head of the grid regulator", "the economy minister"],
  },
  {
    slug: "trade",
    name: "Trade",
    description: "Tariffs, supply chains and the rules that decide who can sell what to whom.",
    subjects: ["tariff policy", "export controls", "supply chains", "shipping routes", "trade talks", "industrial subsidies", "market access", "customs reform", "grain exports", "critical minerals"],
    instruments: ["retaliatory tariffs", "a free-trade agreement", "anti-dumping duties", "an investment screening regime", "export licences", "a customs union"],
    goods: ["semiconductors", "steel", "grain", "electric vehicles", "fertiliser", "rare earths"],
    actors: ["exporters", "shipping lines", "customs authorities", "industrial lobbies", "port operators"],
    globalBodies: ["the World Trade Organization", "the G20", "the OECD"],
    metrics: ["export volumes", "container freight rates", "the trade deficit", "foreign direct investment", "average import tariffs"],
    officials: ["the trade minister", "the head of the customs service", "the chief trade negotiator"],
  },
  {
    slug: "diplomacy",
    name: "Diplomacy",
    description: "Alliances, negotiations and the quiet bargaining between governments that rarely makes the front page.",
    subjects: ["ceasefire talks", "alliance politics", "summit diplomacy", "sanctions policy", "mediation efforts", "treaty negotiations", "normalisation talks", "peacekeeping", "back-channel diplomacy", "embassy networks"],
    instruments: ["targeted sanctions", "a framework agreement", "a joint communiqué", "a mediation mandate", "a non-aggression pact", "written security assurances"],
    goods: ["humanitarian aid", "grain shipments", "reconstruction funds", "visas for officials", "frozen state assets"],
    actors: ["foreign ministries", "special envoys", "mediators", "opposition leaders", "career diplomats"],
    globalBodies: ["the United Nations", "the UN Security Council", "the G20"],
    metrics: ["high-level diplomatic visits", "aid pledges", "sanctions designations", "bilateral trade", "votes at the UN General Assembly"],
    officials: ["the foreign minister", "the special envoy", "the president's chief of staff"],
  },
  {
    slug: "climate",
    name: "Climate",
    description: "Emissions, adaptation and the money and politics of a warming world.",
    subjects: ["carbon pricing", "climate finance", "coal phase-out", "adaptation spending", "methane regulation", "drought management", "emissions targets", "green industrial policy", "flood defence", "deforestation policy"],
    instruments: ["a carbon border levy", "an emissions trading scheme", "green bonds", "a just-transition fund", "a methane fee", "debt-for-nature swaps"],
    goods: ["carbon credits", "climate finance", "solar panels", "green hydrogen", "battery minerals"],
    actors: ["environment ministries", "insurers", "heavy industrial firms", "farm lobbies", "development banks"],
    globalBodies: ["the UN climate secretariat", "the Green Climate Fund", "the World Bank"],
    metrics: ["emissions", "insured losses from extreme weather", "renewable capacity additions", "carbon prices", "adaptation funding"],
    officials: ["the environment minister", "the climate envoy", "the agriculture minister"],
  },
  {
    slug: "technology",
    name: "Technology",
    description: "Chips, networks, data and artificial intelligence as instruments of economic and state power.",
    subjects: ["chip manufacturing", "AI regulation", "data localisation", "undersea cables", "satellite internet", "cyber defence", "digital payments", "5G rollout", "tech sovereignty", "platform regulation"],
    instruments: ["export controls on advanced chips", "a data protection law", "subsidies for chip plants", "a cybersecurity mandate", "a digital services tax", "an AI safety framework"],
    goods: ["advanced chips", "cloud computing capacity", "satellite bandwidth", "lithography equipment", "skilled engineers"],
    actors: ["chipmakers", "cloud providers", "telecoms operators", "start-ups", "data-protection regulators"],
    globalBodies: ["the International Telecommunication Union", "the OECD", "the G7"],
    metrics: ["chip imports", "venture capital investment", "data-centre capacity", "reported cyber incidents", "broadband coverage"],
    officials: ["the digital minister", "the head of the cyber agency", "the science minister"],
  },
  {
    slug: "elections",
    name: "Elections",
    description: "Campaigns, coalitions and the votes that decide who governs and what they can do.",
    subjects: ["coalition politics", "electoral reform", "campaign finance", "voter turnout", "opposition politics", "party realignment", "election security", "populist politics", "constitutional reform", "polling"],
    instruments: ["a snap election", "a referendum", "a new electoral law", "a caretaker government", "a confidence vote", "a constitutional amendment"],
    goods: ["campaign finance", "broadcast airtime", "independent polling", "voter registration", "election observers"],
    actors: ["opposition parties", "pollsters", "election commissions", "party strategists", "first-time voters"],
    globalBodies: ["the Venice Commission", "the OSCE", "the United Nations"],
    metrics: ["voter turnout", "support for the governing party", "approval ratings", "voter registration", "opposition poll numbers"],
    officials: ["the prime minister", "the head of the election commission", "the leader of the opposition"],
  },
  {
    slug: "migration",
    name: "Migration",
    description: "Asylum, labour mobility and the politics of who crosses borders and on what terms.",
    subjects: ["asylum policy", "labour migration", "border management", "refugee resettlement", "remittance flows", "integration policy", "visa policy", "return agreements", "brain drain", "seasonal work schemes"],
    instruments: ["a returns agreement", "a points-based visa system", "an offshore processing scheme", "temporary protection status", "a labour mobility pact", "emergency border funding"],
    goods: ["work visas", "asylum places", "remittances", "seasonal labour", "resettlement places"],
    actors: ["border agencies", "employers", "humanitarian groups", "local authorities", "diaspora networks"],
    globalBodies: ["the UN refugee agency", "the International Organization for Migration", "the World Bank"],
    metrics: ["asylum applications", "irregular crossings", "remittance inflows", "net migration", "work-permit approvals"],
    officials: ["the interior minister", "the head of the border agency", "the labour minister"],
  },
  {
    slug: "economy",
    name: "Economy",
    description: "Growth, inflation, debt and the policy choices that shape living standards and markets.",
    subjects: ["inflation", "debt restructuring", "currency policy", "fiscal consolidation", "interest rates", "sovereign debt", "industrial policy", "housing costs", "growth forecasts", "banking stability"],
    instruments: ["an IMF programme", "capital controls", "a new fiscal rule", "interest-rate rises", "a currency peg", "a bond buyback"],
    goods: ["credit", "foreign currency", "sovereign bonds", "investment capital", "dollar funding"],
    actors: ["central bankers", "bondholders", "finance ministries", "credit-rating agencies", "small businesses"],
    globalBodies: ["the IMF", "the World Bank", "the Bank for International Settlements"],
    metrics: ["inflation", "the budget deficit", "bond yields", "foreign-exchange reserves", "real wages"],
    officials: ["the finance minister", "the central bank governor", "the economy minister"],
  },
  {
    slug: "health",
    name: "Health",
    description: "Health systems, pandemics and medicines as questions of policy, money and power.",
    subjects: ["pandemic preparedness", "drug pricing", "vaccine manufacturing", "health spending", "disease surveillance", "hospital capacity", "medical supply chains", "antimicrobial resistance", "universal coverage", "health workforce"],
    instruments: ["a pandemic treaty", "compulsory licensing", "a pooled procurement scheme", "a health levy", "price controls on medicines", "a regional vaccine hub"],
    goods: ["vaccines", "generic medicines", "medical supplies", "hospital beds", "trained nurses"],
    actors: ["health ministries", "drugmakers", "hospital networks", "public-health agencies", "health insurers"],
    globalBodies: ["the World Health Organization", "Gavi", "the Global Fund"],
    metrics: ["health spending", "vaccination rates", "hospital waiting lists", "drug prices", "out-of-pocket costs"],
    officials: ["the health minister", "the chief medical officer", "the head of the public-health agency"],
  },
];
