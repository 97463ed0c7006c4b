import type { SectionRole } from "./sentence-templates";

// `## ` subheadings for in-depth reports, by the role of the section they
// introduce. Headings are not expected to be unique across articles.
export const SECTION_HEADINGS: Record<SectionRole, readonly string[]> = {
  context: [
    "How we got here",
    "The road from {past}",
    "A short history of {subject} in {country}",
    "Where the story begins",
  ],
  evidence: ["What the numbers show", "Reading the data", "Follow the money", "Counting the cost"],
  politics: ["The politics of {subject}", "Who wants what", "Inside {capital}", "The view from {partnerCapital}"],
  risk: ["What could go wrong", "The risks ahead", "Fault lines", "The case for caution"],
  regional: [
    "Beyond {country's} borders",
    "The regional ripple",
    "Why {region} should care",
    "The neighbours are watching",
  ],
  scenario: ["Three scenarios for {country}", "How this could play out", "Scenarios and probabilities"],
  policy: ["What should be done", "A better approach", "Recommendations"],
  outlook: ["What to watch", "The outlook", "Looking ahead to {future}"],
};
