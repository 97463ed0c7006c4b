// GET /admin/articles/{id}/revisions: every save of the article, newest
// first; two chosen (a GET form, no JavaScript needed) are compared at
// /revisions/compare.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/listing/pagination";
import { formatDateTime } from "@/lib/articles/format";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { listRevisions } from "@/lib/newsroom/articles/article-revisions";
import { getEditableArticle } from "@/lib/newsroom/articles/editable-article";
import { requireRole } from "@/lib/newsroom/require-role";
import "./revisions.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Revisions" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireRole("editor", `/admin/articles/${id}/revisions`);
  const [article, list] = await Promise.all([
    getEditableArticle(actor, id),
    listRevisions(actor, id, { page: parsePage((await searchParams).page) }),
  ]);
  if (!article || !list) notFound();
  return (
    <div>
      <p className="meta">
        <Link href={`/admin/articles/${id}`}>← Back to the editor</Link>
      </p>
      <h1>Revisions of “{article.content.title}”</h1>
      <p className="meta">
        Every save is kept. The article is at revision {article.version}; restoring an older one saves it again as a new
        revision.
      </p>
      {list.revisions.length === 0 ? (
        <p>No revisions yet: it has not been saved in the newsroom.</p>
      ) : (
        <form method="get" action={`/admin/articles/${id}/revisions/compare`}>
          <table className="newsroom-table revisions-table">
            <caption className="visually-hidden">Revisions, newest first; choose two to compare</caption>
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Saved</th>
                <th scope="col">By</th>
                <th scope="col">Headline</th>
              </tr>
            </thead>
            <tbody>
              {list.revisions.map((revision) => (
                <tr key={revision.number}>
                  <td>
                    <Link href={`/admin/articles/${id}/revisions/${revision.number}`}>Revision {revision.number}</Link>
                    {revision.number === article.version && <span className="meta"> (current)</span>}
                  </td>
                  <td className="compare-pick">
                    <label>
                      <input
                        type="radio"
                        name="from"
                        value={revision.number}
                        aria-label={`Compare from revision ${revision.number}`}
                        defaultChecked={revision.number === article.version - 1}
                      />
                      <span className="compare-pick-caption" aria-hidden="true">
                        From
                      </span>
                    </label>
                  </td>
                  <td className="compare-pick">
                    <label>
                      <input
                        type="radio"
                        name="to"
                        value={revision.number}
                        aria-label={`Compare to revision ${revision.number}`}
                        defaultChecked={revision.number === article.version}
                      />
                      <span className="compare-pick-caption" aria-hidden="true">
                        To
                      </span>
                    </label>
                  </td>
                  <td>
                    {formatDateTime(revision.createdAt)} <span className="meta">{revision.note}</span>
                  </td>
                  <td>{revision.editor}</td>
                  <td>{revision.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.total >= 2 && (
            <p className="compare-actions">
              <button type="submit" className="button">
                Compare the chosen revisions
              </button>{" "}
              <button type="submit" name="view" value="side" className="button">
                Side by side
              </button>
            </p>
          )}
        </form>
      )}
      <Pagination basePath={`/admin/articles/${id}/revisions`} page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
