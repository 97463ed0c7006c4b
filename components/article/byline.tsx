import Link from "next/link";
import type { AuthorRef } from "@/lib/articles/article-queries";

export function Byline({ authors }: { authors: AuthorRef[] }) {
  if (authors.length === 0) return null;
  return (
    <span className="byline">
      By{" "}
      {authors.map((author, index) => (
        <span key={author.slug}>
          {index > 0 && (index === authors.length - 1 ? " and " : ", ")}
          <Link href={`/authors/${author.slug}`}>{author.name}</Link>
        </span>
      ))}
    </span>
  );
}
