// GET /admin/articles/{id}: the article editor, with its live preview and publishing.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleEditor } from "@/components/newsroom/articles/article-editor";
import { LeadImageForm } from "@/components/newsroom/articles/lead-image-form";
import { noticeFrom, toEditorArticle } from "@/components/newsroom/articles/editor-article";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";
import { getEditableArticle } from "@/lib/newsroom/articles/editable-article";
import { listEditorChoices } from "@/lib/newsroom/articles/editor-choices";
import { previewArticleBody } from "@/lib/newsroom/articles/preview-article-body";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

// Read once per request, for the title and the page, each behind the role check.
const loadArticle = cache(async (id: string) => {
  const actor = await requireRole("editor", `/admin/articles/${id}`);
  return { actor, article: await getEditableArticle(actor, id) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await loadArticle((await params).id);
  return { title: article?.content.title ?? "Edit article" };
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { actor, article } = await loadArticle(id);
  if (!article) notFound();
  const [choices, preview] = await Promise.all([
    listEditorChoices(actor),
    previewArticleBody(actor, article.content.body),
  ]);
  const query = await searchParams;
  const { notice, errors } = noticeFrom(query);
  const { PUBLICATION_TIMEZONE, PREVIEW_PARAGRAPHS } = env();
  return (
    <div>
      <p className="meta editor-back">
        <Link href="/admin/articles">← Articles</Link>
      </p>
      <ArticleEditor
        key={`${article.id}-${article.version}-${article.status}`}
        initial={toEditorArticle(article)}
        choices={choices}
        initialPreview={preview}
        setting={{ timeZone: PUBLICATION_TIMEZONE, previewParagraphs: PREVIEW_PARAGRAPHS }}
        notice={notice}
        initialErrors={errors}
      />
      <LeadImageForm actor={actor} articleId={article.id} query={query} />
    </div>
  );
}
