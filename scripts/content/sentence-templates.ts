import { CONTEXT_SENTENCES, EVIDENCE_SENTENCES, LEDE_SENTENCES } from "./opening-sentences";
import { POLITICS_SENTENCES, REGIONAL_SENTENCES, RISK_SENTENCES } from "./argument-sentences";
import { OUTLOOK_SENTENCES, POLICY_SENTENCES, SCENARIO_SENTENCES } from "./closing-sentences";

// Sentence pools by the job a sentence does in an argument. A paragraph draws
// most of its sentences from its own role and one from a supporting role.
export type SentenceRole =
  "lede" | "context" | "evidence" | "politics" | "risk" | "regional" | "outlook" | "scenario" | "policy";

/** Roles an in-depth section can have; the lede only opens a piece. */
export type SectionRole = Exclude<SentenceRole, "lede">;

export const SENTENCE_TEMPLATES: Record<SentenceRole, readonly string[]> = {
  lede: LEDE_SENTENCES,
  context: CONTEXT_SENTENCES,
  evidence: EVIDENCE_SENTENCES,
  politics: POLITICS_SENTENCES,
  risk: RISK_SENTENCES,
  regional: REGIONAL_SENTENCES,
  outlook: OUTLOOK_SENTENCES,
  scenario: SCENARIO_SENTENCES,
  policy: POLICY_SENTENCES,
};
