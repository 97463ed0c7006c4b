// The fixed masthead. `topics` and `regions` are the beats an author covers:
// bylines are drawn mostly from matching authors so that, say, the Arctic
// shipping pieces are not signed by the health correspondent.
export type AuthorProfile = {
  slug: string;
  name: string;
  role: string;
  bio: string;
  topics: readonly string[];
  regions: readonly string[];
};

export const AUTHOR_PROFILES: readonly AuthorProfile[] = [
  {
    slug: "helena-marsh",
    name: "Helena Marsh",
    role: "Senior Fellow, Energy Security",
    bio: "Helena Marsh covers gas markets, power grids and the politics of energy supply. Before joining Folio she spent eight years advising European utilities on long-term procurement, and she still reads storage reports before breakfast.",
    topics: ["energy", "climate", "economy"],
    regions: ["europe", "russia-eurasia", "arctic"],
  },
  {
    slug: "tomasz-wierzbicki",
    name: "Tomasz Wierzbicki",
    role: "Europe Editor",
    bio: "Tomasz Wierzbicki edits Folio's European coverage from Warsaw. He reported on EU enlargement and the eurozone debt crisis for a decade and writes about coalition politics, budgets and the institutions that hold the union together.",
    topics: ["elections", "diplomacy", "economy"],
    regions: ["europe"],
  },
  {
    slug: "amara-okonkwo",
    name: "Amara Okonkwo",
    role: "Senior Analyst, African Political Economy",
    bio: "Amara Okonkwo writes about sovereign debt, commodity exports and electoral politics across sub-Saharan Africa. She previously worked on debt sustainability at a development bank and is based in Lagos and Nairobi.",
    topics: ["economy", "trade", "elections"],
    regions: ["africa"],
  },
  {
    slug: "rafael-quintero",
    name: "Rafael Quintero",
    role: "Americas Editor",
    bio: "Rafael Quintero leads coverage of the Americas, from trade and migration across the US-Mexico border to lithium and copper in the Andes. He has reported from eleven countries in the region and teaches a seminar on Latin American political risk.",
    topics: ["trade", "migration", "elections"],
    regions: ["americas"],
  },
  {
    slug: "mei-lin-cho",
    name: "Mei-Lin Cho",
    role: "Senior Fellow, Asia-Pacific Security",
    bio: "Mei-Lin Cho analyses maritime security, alliance politics and defence industry in the Indo-Pacific. She served as a researcher at a Seoul think tank and writes Folio's monthly assessment of naval balances in the region.",
    topics: ["security", "diplomacy", "technology"],
    regions: ["asia-pacific"],
  },
  {
    slug: "irina-sokolova",
    name: "Irina Sokolova",
    role: "Senior Analyst, Russia and Eurasia",
    bio: "Irina Sokolova follows sanctions, energy transit and domestic politics across the former Soviet space. She has spent much of the past decade tracking how trade routes through Central Asia and the Caucasus have been redrawn.",
    topics: ["security", "energy", "diplomacy"],
    regions: ["russia-eurasia", "europe"],
  },
  {
    slug: "farid-haddad",
    name: "Farid Haddad",
    role: "Middle East Editor",
    bio: "Farid Haddad covers Gulf diplomacy, oil policy and the region's shifting alliances. A former correspondent in Cairo and Dubai, he focuses on the economic levers that sit behind the headlines.",
    topics: ["diplomacy", "energy", "security"],
    regions: ["middle-east"],
  },
  {
    slug: "priya-raman",
    name: "Priya Raman",
    role: "Fellow, South Asia Programme",
    bio: "Priya Raman writes about industrial policy, public health and electoral competition in South Asia. She trained as an economist and previously worked on state finances for a policy institute in New Delhi.",
    topics: ["economy", "health", "elections"],
    regions: ["south-asia"],
  },
  {
    slug: "jonas-eklund",
    name: "Jonas Eklund",
    role: "Arctic and Climate Correspondent",
    bio: "Jonas Eklund reports on the warming Arctic, from new shipping lanes and mineral claims to the security questions they raise. He is based in Tromsø and has covered every Arctic Council ministerial meeting since he joined Folio.",
    topics: ["climate", "security", "energy"],
    regions: ["arctic", "europe"],
  },
  {
    slug: "claire-dubois",
    name: "Claire Dubois",
    role: "Chief Economist",
    bio: "Claire Dubois oversees Folio's economic analysis, with a focus on inflation, central banks and public debt. She spent twelve years in sovereign research at an investment bank and writes the weekly markets briefing.",
    topics: ["economy", "trade", "technology"],
    regions: ["europe", "americas", "asia-pacific"],
  },
  {
    slug: "samuel-adeyemi",
    name: "Samuel Adeyemi",
    role: "Trade Policy Analyst",
    bio: "Samuel Adeyemi tracks tariffs, export controls and the supply chains they reshape. He has advised governments on trade negotiations and writes about what semiconductors, fertiliser and shipping rates reveal about geopolitics.",
    topics: ["trade", "technology", "economy"],
    regions: ["asia-pacific", "africa", "americas"],
  },
  {
    slug: "nadia-karimova",
    name: "Nadia Karimova",
    role: "Senior Fellow, Migration and Demography",
    bio: "Nadia Karimova studies labour migration, asylum systems and population ageing. Her fieldwork has taken her from Central Asian labour corridors to Mediterranean reception centres, and she writes about the policies that shape both.",
    topics: ["migration", "health", "elections"],
    regions: ["europe", "russia-eurasia", "middle-east", "south-asia"],
  },
];
