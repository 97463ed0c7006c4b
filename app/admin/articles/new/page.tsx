// GET /admin/articles/new: the editor for a new article (saved as a draft).
import Link from "next/link";
import { ArticleEditor } from "@/components/newsroom/articles/article-editor";
import { NEW_ARTICLE, noticeFrom } from "@/components/newsroom/articles/editor-article";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";
import { listEditorChoices } from "@/lib/newsroom/articles/editor-choices";
import { previewArticleBody } from "@/lib/newsroom/articles/preview-article-body";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "New article" };

export default async function NewArticlePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("editor", "/admin/articles/new");
  const [choices, preview] = await Promise.all([listEditorChoices(actor), previewArticleBody(actor, "")]);
  const { notice, errors } = noticeFrom(await searchParams);
  const { PUBLICATION_TIMEZONE, PREVIEW_PARAGRAPHS } = env();
  return (
    <div>
      <p className="meta editor-back">
        <Link href="/admin/articles">← Articles</Link>
      </p>
      <ArticleEditor
        initial={NEW_ARTICLE}
        choices={choices}
        initialPreview={preview}
        setting={{ timeZone: PUBLICATION_TIMEZONE, previewParagraphs: PREVIEW_PARAGRAPHS }}
        notice={notice}
        initialErrors={errors}
      />
    </div>
  );
}
