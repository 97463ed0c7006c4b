import Link from "next/link";
import type { TagRef } from "@/lib/articles/article-queries";

export function TagList({ topics, regions }: { topics: TagRef[]; regions: TagRef[] }) {
  return (
    <ul className="tag-list" aria-label="Topics and regions">
      {topics.map((tag) => (
        <li key={`topic-${tag.slug}`}>
          <Link href={`/topics/${tag.slug}`}>{tag.name}</Link>
        </li>
      ))}
      {regions.map((tag) => (
        <li key={`region-${tag.slug}`}>
          <Link href={`/regions/${tag.slug}`}>{tag.name}</Link>
        </li>
      ))}
    </ul>
  );
}
