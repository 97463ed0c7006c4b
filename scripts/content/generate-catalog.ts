import { AUTHOR_PROFILES } from "./authors";
import { REGION_PROFILES } from "./regions";
import { TOPIC_PROFILES } from "./topics";

// The catalogue as rows for the authors and tags tables, without the
// vocabulary the generator uses internally.
export type CatalogAuthor = { slug: string; name: string; role: string; bio: string };
export type CatalogTag = { type: "topic" | "region"; slug: string; name: string; description: string };
export type Catalog = { authors: CatalogAuthor[]; topics: CatalogTag[]; regions: CatalogTag[] };

export function generateCatalog(): Catalog {
  return {
    authors: AUTHOR_PROFILES.map(({ slug, name, role, bio }) => ({ slug, name, role, bio })),
    topics: TOPIC_PROFILES.map(({ slug, name, description }) => ({ type: "topic", slug, name, description })),
    regions: REGION_PROFILES.map(({ slug, name, description }) => ({ type: "region", slug, name, description })),
  };
}
