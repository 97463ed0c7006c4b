import Link from "next/link";
import type { Tag } from "@/lib/articles/taxonomy-queries";

const PATHS = { topic: "topics", region: "regions" } as const;

/** A titled list of topics or regions, each a link to its page. */
export function TagChips({ id, title, tags }: { id: string; title: string; tags: Tag[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      <ul className="chip-list">
        {tags.map((tag) => (
          <li key={tag.id}>
            <Link href={`/${PATHS[tag.type]}/${tag.slug}`}>{tag.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
