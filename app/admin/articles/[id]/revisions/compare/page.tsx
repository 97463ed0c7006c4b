// GET /admin/articles/{id}/revisions/compare?from=&to=&view=words|side: two
// revisions of an article compared, word by word or side by side, with a
// button to restore either. Nonsense numbers are treated as absent.
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareChooser, type CompareView } from "@/components/newsroom/revisions/compare-chooser";
import { RevisionDiff } from "@/components/newsroom/revisions/revision-diff";
import { formatDateTime } from "@/lib/articles/format";
import type { SearchParamValue } from "@/lib/http/search-params";
import type { Revision } from "@/lib/newsroom/articles/article-revisions";
import { compareRevisions } from "@/lib/newsroom/articles/compare-revisions";
import { getEditableArticle } from "@/lib/newsroom/articles/editable-article";
import { parseRevisionNumber } from "@/lib/newsroom/articles/revision-number";
import { requireRole } from "@/lib/newsroom/require-role";
import "../revisions.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compare revisions" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

const numberFrom = (value: SearchParamValue) => (typeof value === "string" ? parseRevisionNumber(value) : null);

export default async function CompareRevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireRole("editor", `/admin/articles/${id}/revisions/compare`);
  const article = await getEditableArticle(actor, id);
  if (!article) notFound();
  const query = await searchParams;
  const view: CompareView = query.view === "side" ? "side" : "words";
  const asked = { from: numberFrom(query.from), to: numberFrom(query.to) };
  // Nothing asked: the latest change.
  const latest = article.version;
  const [from, to] =
    query.from === undefined && query.to === undefined && latest >= 2 ? [latest - 1, latest] : [asked.from, asked.to];
  const comparison = from !== null && to !== null ? await compareRevisions(actor, id, from, to) : null;
  return (
    <div className="revision-compare">
      <p className="meta">
        <Link href={`/admin/articles/${id}/revisions`}>← All revisions</Link> ·{" "}
        <Link href={`/admin/articles/${id}`}>Editor</Link>
      </p>
      <h1>Compare revisions of “{article.content.title}”</h1>
      <CompareChooser articleId={id} from={from} to={to} latest={latest} view={view} />
      {comparison === null ? (
        <p role="status">Choose two revisions to compare, by their numbers (1 to {latest}).</p>
      ) : comparison.kind === "missing" ? (
        <p role="alert" className="form-error">
          This article has no revision {comparison.numbers.join(" or ")}. Its revisions are numbered 1 to {latest}.
        </p>
      ) : (
        <>
          <div className="compare-sides">
            <RevisionCard revision={comparison.from} current={comparison.from.number === latest} articleId={id} />
            {comparison.to.number !== comparison.from.number && (
              <RevisionCard revision={comparison.to} current={comparison.to.number === latest} articleId={id} />
            )}
          </div>
          {comparison.from.number === comparison.to.number && <p>That is the same revision twice.</p>}
          <RevisionDiff
            from={comparison.from.number}
            to={comparison.to.number}
            fields={comparison.fields}
            body={comparison.body}
            bodies={{ before: comparison.from.content.body, after: comparison.to.content.body }}
            view={view}
          />
        </>
      )}
    </div>
  );
}

function RevisionCard({ revision, current, articleId }: { revision: Revision; current: boolean; articleId: string }) {
  return (
    <section className="compare-card" aria-labelledby={`card-${revision.number}`}>
      <h2 id={`card-${revision.number}`}>
        <Link href={`/admin/articles/${articleId}/revisions/${revision.number}`}>Revision {revision.number}</Link>
        {current && <span className="meta"> (current)</span>}
      </h2>
      <p className="meta">
        Saved {formatDateTime(revision.createdAt)} by {revision.editor} ({revision.note}).
      </p>
      {!current && (
        <form method="post" action={`/api/admin/articles/${articleId}/revisions/${revision.number}/restore`}>
          <button type="submit" className="button">
            Restore revision {revision.number}
          </button>
        </form>
      )}
    </section>
  );
}
