// GET /admin/articles/{id}/revisions/{number}: one revision as readers would
// have seen it, its Markdown, and the button that restores it.
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime, kindLabel } from "@/lib/articles/format";
import { getRevision } from "@/lib/newsroom/articles/article-revisions";
import { getEditableArticle } from "@/lib/newsroom/articles/editable-article";
import { listEditorChoices, type Choice } from "@/lib/newsroom/articles/editor-choices";
import { previewArticleBody } from "@/lib/newsroom/articles/preview-article-body";
import { parseRevisionNumber } from "@/lib/newsroom/articles/revision-number";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Revision" };

const names = (ids: string[], choices: Choice[]) =>
  ids.map((id) => choices.find((choice) => choice.id === id)?.name ?? "(deleted)").join(", ") || "none";

export default async function RevisionPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const { id, number: raw } = await params;
  const actor = await requireRole("editor", `/admin/articles/${id}/revisions/${raw}`);
  const number = parseRevisionNumber(raw);
  const [article, revision] = await Promise.all([
    getEditableArticle(actor, id),
    number === null ? null : getRevision(actor, id, number),
  ]);
  if (!article || !revision) notFound();
  const [choices, body] = await Promise.all([
    listEditorChoices(actor),
    previewArticleBody(actor, revision.content.body),
  ]);
  const { content } = revision;
  const current = revision.number === article.version;
  return (
    <div className="revision-page">
      <p className="meta">
        <Link href={`/admin/articles/${id}/revisions`}>← All revisions</Link> ·{" "}
        <Link href={`/admin/articles/${id}`}>Editor</Link>
      </p>
      <h1>Revision {revision.number}</h1>
      <p className="meta">
        Saved {formatDateTime(revision.createdAt)} by {revision.editor} ({revision.note}).
        {current && " This is the article's current content."}
      </p>
      {!current && (
        <form method="post" action={`/api/admin/articles/${id}/revisions/${revision.number}/restore`}>
          <button type="submit" className="button button-primary">
            Restore revision {revision.number}
          </button>
        </form>
      )}
      <dl className="revision-fields">
        <dt>Headline</dt>
        <dd>{content.title}</dd>
        <dt>Dek</dt>
        <dd>{content.dek || "none"}</dd>
        <dt>Slug</dt>
        <dd>{content.slug}</dd>
        <dt>Kind</dt>
        <dd>
          {kindLabel(content.kind)}
          {content.free && ", free to all"}
        </dd>
        <dt>Authors</dt>
        <dd>{names(content.authorIds, choices.authors)}</dd>
        <dt>Topics</dt>
        <dd>{names(content.topicIds, choices.topics)}</dd>
        <dt>Regions</dt>
        <dd>{names(content.regionIds, choices.regions)}</dd>
      </dl>
      <h2>Body</h2>
      <div className="article-body revision-body">
        <section
          className="article-preview"
          aria-label="Free preview"
          dangerouslySetInnerHTML={{ __html: body.previewHtml }}
        />
        {body.hasGatedPart && (
          <>
            <p className="editor-cut" role="separator">
              Preview cut
            </p>
            <section
              className="gated-section editor-gated"
              aria-label="Behind the paywall"
              dangerouslySetInnerHTML={{ __html: body.gatedHtml }}
            />
          </>
        )}
      </div>
      <details>
        <summary>Markdown</summary>
        <pre className="revision-markdown">{content.body}</pre>
      </details>
    </div>
  );
}
