// A page of readers found by address, with their plan and role.
import Link from "next/link";
import { formatDate } from "@/lib/articles/format";
import { PLAN_LABELS } from "@/lib/newsroom/readers/reader-plan";
import type { ReaderSearch } from "@/lib/newsroom/readers/search-readers";

export function ReaderSearchResults({ result, query, page }: { result: ReaderSearch; query: string; page: number }) {
  const pageLink = (to: number) =>
    `/admin/readers?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(to) })}`;
  if (result.readers.length === 0) {
    return <p>{query ? `No reader’s address contains “${query}”.` : "No readers yet."}</p>;
  }
  return (
    <>
      <table className="newsroom-table">
        <caption className="visually-hidden">Readers</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Plan</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
          </tr>
        </thead>
        <tbody>
          {result.readers.map((reader) => (
            <tr key={reader.id}>
              <td>
                <Link href={`/admin/readers/${reader.id}`}>{reader.email}</Link>
              </td>
              <td>{PLAN_LABELS[reader.plan]}</td>
              <td>{reader.role}</td>
              <td>{formatDate(reader.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pagination" aria-label="Pages">
        {page > 1 && <Link href={pageLink(page - 1)}>Previous</Link>}
        {result.hasMore && <Link href={pageLink(page + 1)}>Next</Link>}
      </nav>
    </>
  );
}
