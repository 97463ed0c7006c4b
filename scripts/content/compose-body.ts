import { fillTemplate, type SlotResolver } from "./fill-template";
import type { Random } from "./random";
import { SECTION_HEADINGS } from "./section-headings";
import type { SentenceLedger } from "./sentence-ledger";
import { SENTENCE_TEMPLATES, type SectionRole, type SentenceRole } from "./sentence-templates";
import { capitalize, titleCase } from "./text-case";

// Builds an article body in Markdown: prose paragraphs separated by blank
// lines, `## ` subheadings in in-depth reports, and optionally the editor's
// `<!-- paywall -->` line after the `paywallAfter`-th paragraph.
export const PAYWALL_MARKER = "<!-- paywall -->";

export type ComposeBodyOptions = {
  rng: Random;
  resolve: SlotResolver;
  ledger: SentenceLedger;
  kind: "daily" | "in_depth";
  paywallAfter: number | null;
};

type Block = { role: SentenceRole; heading?: SectionRole };

// The role that lends one sentence to a paragraph, so that, say, a politics
// paragraph cites a number and an outlook paragraph names a risk first.
const SUPPORT: Record<SentenceRole, SentenceRole> = {
  lede: "context",
  context: "evidence",
  evidence: "context",
  politics: "evidence",
  risk: "evidence",
  regional: "politics",
  scenario: "evidence",
  policy: "risk",
  outlook: "risk",
};
const SECTION_ORDER: readonly SectionRole[] = [
  "context",
  "evidence",
  "politics",
  "regional",
  "risk",
  "scenario",
  "policy",
  "outlook",
];
// Ordinal templates ("First, ...", "A second scenario ...") read wrong out of order.
const SEQUENTIAL_ROLES = new Set<SentenceRole>(["scenario", "policy"]);
const HTML_SENSITIVE = /['"&<>]/;

export function composeBody(options: ComposeBodyOptions): string {
  const { rng, kind, paywallAfter } = options;
  const plan = kind === "daily" ? planDaily(rng) : planInDepth(rng);
  const next = templatePicker(rng);
  const blocks: string[] = [];
  plan.forEach((block, index) => {
    if (block.heading)
      blocks.push(`## ${titleCase(fillTemplate(rng.pick(SECTION_HEADINGS[block.heading]), options.resolve))}`);
    const count = kind === "daily" ? rng.int(2, 4) : rng.int(3, 4);
    blocks.push(paragraph(block.role, count, next, options));
    if (paywallAfter === index + 1) blocks.push(PAYWALL_MARKER);
  });
  return blocks.join("\n\n");
}

function planDaily(rng: Random): Block[] {
  const middle = rng.sample<SectionRole>(["politics", "regional", "risk", "evidence"], rng.int(1, 4));
  return [
    { role: "lede" },
    { role: "context" },
    { role: "evidence" },
    ...sortSections(middle).map((role) => ({ role })),
    { role: "outlook" },
  ];
}

// 8-14 paragraphs: a three-paragraph introduction (so the default preview is
// all prose), then 2-4 headed sections, the last always the outlook.
function planInDepth(rng: Random): Block[] {
  const rest = rng.int(8, 14) - 3;
  const sectionCount = rest <= 6 ? 2 : rest <= 9 ? 3 : 4;
  const middle = sortSections(
    rng.sample<SectionRole>(
      ["context", "evidence", "politics", "regional", "risk", "scenario", "policy"],
      sectionCount - 1,
    ),
  );
  const sizes = middle.map(() => 1);
  const outlookSize = rest - sizes.length >= 2 && rng.chance(0.5) ? 2 : 1;
  for (let left = rest - sizes.length - outlookSize; left > 0; left--) sizes[rng.int(0, sizes.length - 1)]! += 1;
  const blocks: Block[] = [{ role: "lede" }, { role: "context" }, { role: "evidence" }];
  middle.forEach((role, index) => {
    for (let i = 0; i < sizes[index]!; i++) blocks.push(i === 0 ? { role, heading: role } : { role });
  });
  for (let i = 0; i < outlookSize; i++)
    blocks.push(i === 0 ? { role: "outlook", heading: "outlook" } : { role: "outlook" });
  return blocks;
}

function sortSections(roles: SectionRole[]): SectionRole[] {
  return roles.sort((a, b) => SECTION_ORDER.indexOf(a) - SECTION_ORDER.indexOf(b));
}

function paragraph(
  role: SentenceRole,
  count: number,
  next: (role: SentenceRole) => string,
  options: ComposeBodyOptions,
): string {
  const support = SUPPORT[role];
  const roles: SentenceRole[] =
    role === "lede"
      ? ["lede", ...Array<SentenceRole>(count - 1).fill(support)]
      : role === "outlook"
        ? [support, ...Array<SentenceRole>(count - 1).fill(role)]
        : [role, support, ...Array<SentenceRole>(count - 2).fill(role)];
  const sentences = roles.map((r) => sentence(r, next, options));
  // Leak tests look for a gated sentence in rendered HTML, where apostrophes
  // and ampersands are escaped; keep at least one sentence per paragraph that
  // survives escaping unchanged.
  for (let attempt = 0; attempt < 20 && sentences.every((s) => HTML_SENSITIVE.test(s)); attempt++) {
    sentences[sentences.length - 1] = sentence(roles[roles.length - 1]!, next, options);
  }
  return sentences.join(" ");
}

function sentence(
  role: SentenceRole,
  next: (role: SentenceRole) => string,
  { resolve, ledger }: ComposeBodyOptions,
): string {
  let text = "";
  // With several fresh numbers per template a repeat is rare; after many
  // tries the pools would be exhausted, which the tests would catch.
  for (let attempt = 0; attempt < 50; attempt++) {
    text = capitalize(fillTemplate(next(role), resolve));
    if (ledger.add(text)) return text;
  }
  return text;
}

/** Avoids repeating a template within one article until its pool runs out. */
function templatePicker(rng: Random): (role: SentenceRole) => string {
  const remaining = new Map<SentenceRole, string[]>();
  return (role) => {
    let pool = remaining.get(role);
    if (!pool || pool.length === 0) {
      pool = SENTENCE_TEMPLATES[role].slice();
      remaining.set(role, pool);
    }
    const index = SEQUENTIAL_ROLES.has(role) ? 0 : rng.int(0, pool.length - 1);
    return pool.splice(index, 1)[0]!;
  };
}
