// The three lists an editor keeps beside the articles: authors (their own
// table, ordered on a byline) and topics and regions (both rows of `tags`).
// Everything else in this folder is written once for the three.
export type TaxonomyKind = "author" | "topic" | "region";

export type TaxonomyKindInfo = {
  kind: TaxonomyKind;
  /** "topic"; "topics" */
  singular: string;
  plural: string;
  /** The newsroom's list page, /admin/topics. */
  adminPath: string;
  /** The readers' page prefix, /topics. */
  publicPath: string;
  /** The URL segment the newsroom's routes use: /api/admin/taxonomy/topics. */
  section: TaxonomySection;
};

export const TAXONOMY_SECTIONS = ["authors", "topics", "regions"] as const;
export type TaxonomySection = (typeof TAXONOMY_SECTIONS)[number];

export const TAXONOMY_KINDS: Record<TaxonomyKind, TaxonomyKindInfo> = {
  author: {
    kind: "author",
    singular: "author",
    plural: "authors",
    adminPath: "/admin/authors",
    publicPath: "/authors",
    section: "authors",
  },
  topic: {
    kind: "topic",
    singular: "topic",
    plural: "topics",
    adminPath: "/admin/topics",
    publicPath: "/topics",
    section: "topics",
  },
  region: {
    kind: "region",
    singular: "region",
    plural: "regions",
    adminPath: "/admin/regions",
    publicPath: "/regions",
    section: "regions",
  },
};

/** The kind a route's segment names, or null for anything else. */
export function kindOfSection(section: string): TaxonomyKind | null {
  const found = Object.values(TAXONOMY_KINDS).find((info) => info.section === section);
  return found?.kind ?? null;
}
