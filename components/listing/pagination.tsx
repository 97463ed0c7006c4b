import Link from "next/link";
import { pagePath } from "@/lib/http/page-path";

const NEWEST_FIRST = { previous: "← Newer", next: "Older →" };

/** Previous and next links; `basePath` may carry a query string of its own (search). */
export function Pagination({
  basePath,
  page,
  pageCount,
  labels = NEWEST_FIRST,
}: {
  basePath: string;
  page: number;
  pageCount: number;
  labels?: { previous: string; next: string };
}) {
  if (pageCount <= 1) return null;
  const href = (target: number) => pagePath(basePath, target);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pageCount))} rel="prev">
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
