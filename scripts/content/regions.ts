// Region tags and the countries and institutions that articles about them
// mention. `phrase` is how the region reads inside a sentence ("the Middle
// East"), which is not always its tag name ("Middle East").
export type Country = { name: string; capital: string; adjective: string };

export type RegionProfile = {
  slug: string;
  name: string;
  phrase: string;
  description: string;
  countries: readonly Country[];
  institutions: readonly string[];
};

const country = (name: string, capital: string, adjective: string): Country => ({ name, capital, adjective });

export const REGION_PROFILES: readonly RegionProfile[] = [
  {
    slug: "europe",
    name: "Europe",
    phrase: "Europe",
    description: "The European Union, its neighbours and the continent's struggle to act as one in a harsher world.",
    countries: [
      country("Germany", "Berlin", "German"),
      country("France", "Paris", "French"),
      country("Poland", "Warsaw", "Polish"),
      country("Italy", "Rome", "Italian"),
      country("Spain", "Madrid", "Spanish"),
      country("the Netherlands", "The Hague", "Dutch"),
      country("Sweden", "Stockholm", "Swedish"),
      country("Hungary", "Budapest", "Hungarian"),
      country("Romania", "Bucharest", "Romanian"),
      country("Greece", "Athens", "Greek"),
      country("Britain", "London", "British"),
      country("Czechia", "Prague", "Czech"),
    ],
    institutions: [
      "the European Commission",
      "the European Central Bank",
      "the European Parliament",
      "the Council of the EU",
    ],
  },
  {
    slug: "middle-east",
    name: "Middle East",
    phrase: "the Middle East",
    description: "The Gulf, the Levant and North Africa's eastern edge, where oil, rivalry and reform collide.",
    countries: [
      country("Saudi Arabia", "Riyadh", "Saudi"),
      country("Iran", "Tehran", "Iranian"),
      country("Turkey", "Ankara", "Turkish"),
      country("Egypt", "Cairo", "Egyptian"),
      country("the UAE", "Abu Dhabi", "Emirati"),
      country("Qatar", "Doha", "Qatari"),
      country("Iraq", "Baghdad", "Iraqi"),
      country("Jordan", "Amman", "Jordanian"),
      country("Oman", "Muscat", "Omani"),
      country("Kuwait", "Kuwait City", "Kuwaiti"),
    ],
    institutions: ["the Gulf Cooperation Council", "the Arab League", "OPEC+", "the Islamic Development Bank"],
  },
  {
    slug: "africa",
    name: "Africa",
    phrase: "Africa",
    description: "A continent of fast-growing populations and economies, contested resources and new partnerships.",
    countries: [
      country("Nigeria", "Abuja", "Nigerian"),
      country("Kenya", "Nairobi", "Kenyan"),
      country("Ethiopia", "Addis Ababa", "Ethiopian"),
      country("South Africa", "Pretoria", "South African"),
      country("Ghana", "Accra", "Ghanaian"),
      country("Senegal", "Dakar", "Senegalese"),
      country("Morocco", "Rabat", "Moroccan"),
      country("Angola", "Luanda", "Angolan"),
      country("Tanzania", "Dodoma", "Tanzanian"),
      country("Zambia", "Lusaka", "Zambian"),
      country("Rwanda", "Kigali", "Rwandan"),
    ],
    institutions: [
      "the African Union",
      "ECOWAS",
      "the African Development Bank",
      "the Southern African Development Community",
    ],
  },
  {
    slug: "asia-pacific",
    name: "Asia-Pacific",
    phrase: "the Asia-Pacific",
    description:
      "From the Korean peninsula to the South Pacific, the region where the century's great-power contest is sharpest.",
    countries: [
      country("China", "Beijing", "Chinese"),
      country("Japan", "Tokyo", "Japanese"),
      country("South Korea", "Seoul", "South Korean"),
      country("Indonesia", "Jakarta", "Indonesian"),
      country("Vietnam", "Hanoi", "Vietnamese"),
      country("the Philippines", "Manila", "Philippine"),
      country("Australia", "Canberra", "Australian"),
      country("Malaysia", "Kuala Lumpur", "Malaysian"),
      country("Thailand", "Bangkok", "Thai"),
      country("Singapore", "Singapore", "Singaporean"),
      country("New Zealand", "Wellington", "New Zealand"),
    ],
    institutions: ["ASEAN", "the Asian Development Bank", "APEC", "the Quad"],
  },
  {
    slug: "americas",
    name: "Americas",
    phrase: "the Americas",
    description: "North and South America, from Washington's policy swings to the commodity economies of the Andes.",
    countries: [
      country("the United States", "Washington", "American"),
      country("Brazil", "Brasília", "Brazilian"),
      country("Mexico", "Mexico City", "Mexican"),
      country("Canada", "Ottawa", "Canadian"),
      country("Argentina", "Buenos Aires", "Argentine"),
      country("Chile", "Santiago", "Chilean"),
      country("Colombia", "Bogotá", "Colombian"),
      country("Peru", "Lima", "Peruvian"),
      country("Panama", "Panama City", "Panamanian"),
    ],
    institutions: [
      "the Organization of American States",
      "Mercosur",
      "the Inter-American Development Bank",
      "the US Federal Reserve",
    ],
  },
  {
    slug: "russia-eurasia",
    name: "Russia & Eurasia",
    phrase: "Eurasia",
    description: "Russia, Ukraine, the Caucasus and Central Asia, where war and sanctions are redrawing old ties.",
    countries: [
      country("Russia", "Moscow", "Russian"),
      country("Ukraine", "Kyiv", "Ukrainian"),
      country("Kazakhstan", "Astana", "Kazakh"),
      country("Uzbekistan", "Tashkent", "Uzbek"),
      country("Azerbaijan", "Baku", "Azerbaijani"),
      country("Georgia", "Tbilisi", "Georgian"),
      country("Armenia", "Yerevan", "Armenian"),
      country("Belarus", "Minsk", "Belarusian"),
      country("Kyrgyzstan", "Bishkek", "Kyrgyz"),
      country("Moldova", "Chisinau", "Moldovan"),
    ],
    institutions: [
      "the Eurasian Economic Union",
      "the Collective Security Treaty Organization",
      "the Shanghai Cooperation Organisation",
      "the Eurasian Development Bank",
    ],
  },
  {
    slug: "south-asia",
    name: "South Asia",
    phrase: "South Asia",
    description: "India and its neighbours: a quarter of humanity, rising ambitions and old rivalries.",
    countries: [
      country("India", "New Delhi", "Indian"),
      country("Pakistan", "Islamabad", "Pakistani"),
      country("Bangladesh", "Dhaka", "Bangladeshi"),
      country("Sri Lanka", "Colombo", "Sri Lankan"),
      country("Nepal", "Kathmandu", "Nepali"),
      country("the Maldives", "Malé", "Maldivian"),
      country("Bhutan", "Thimphu", "Bhutanese"),
    ],
    institutions: [
      "the South Asian Association for Regional Cooperation",
      "the Reserve Bank of India",
      "BIMSTEC",
      "the Asian Infrastructure Investment Bank",
    ],
  },
  {
    slug: "arctic",
    name: "Arctic",
    phrase: "the Arctic",
    description: "The fastest-warming region on earth, opening to shipping, mining and military competition.",
    countries: [
      country("Norway", "Oslo", "Norwegian"),
      country("Iceland", "Reykjavik", "Icelandic"),
      country("Finland", "Helsinki", "Finnish"),
      country("Denmark", "Copenhagen", "Danish"),
      country("Greenland", "Nuuk", "Greenlandic"),
      country("Canada", "Ottawa", "Canadian"),
      country("Russia", "Moscow", "Russian"),
      country("the United States", "Washington", "American"),
      country("Sweden", "Stockholm", "Swedish"),
    ],
    institutions: ["the Arctic Council", "NATO", "the International Maritime Organization", "the Nordic Council"],
  },
];
